package org.negotiationledger.api.config;

import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The server's own threads (snapshots, streams, the listener for view changes, verification): daemons, so that
 * none keeps the JVM from exiting when the context has closed, each named for its job and numbered.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Daemon threads named {@code prefix} followed by a number. */
    public static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
