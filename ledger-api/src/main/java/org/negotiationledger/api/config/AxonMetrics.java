package org.negotiationledger.api.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters as its auto-configuration registers them, but with the capacity and latency gauges registered
 * once. Axon's own {@code CapacityMonitor} and {@code EventProcessorLatencyMonitor} register their gauge again on
 * every message, which Micrometer refuses with the warning "This Gauge has been already registered
 * (commandBus.capacity)" and a wasted meter each time; the meters' names, tags and values are the same as Axon's.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetrics {

    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new OnceRegistered(meters);
    }

    private static final class OnceRegistered extends GlobalMetricRegistry {

        OnceRegistered(MeterRegistry meters) {
            super(meters);
        }

        @Override
        public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
                String name, Function<Message<?>, Iterable<Tag>> tags) {
            return handlers(name, tags);
        }

        @Override
        public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
                String name, Function<Message<?>, Iterable<Tag>> tags) {
            return handlers(name, tags);
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                String name,
                Function<Message<?>, Iterable<Tag>> tags,
                Function<Message<?>, Iterable<Tag>> latencyTags) {
            return new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                    new Latency(name, getRegistry(), latencyTags),
                    new Capacity(name, getRegistry(), tags),
                    MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
        }

        private MultiMessageMonitor<Message<?>> handlers(String name, Function<Message<?>, Iterable<Tag>> tags) {
            return new MultiMessageMonitor<>(List.of(
                    MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                    new Capacity(name, getRegistry(), tags),
                    MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
        }
    }

    /**
     * {@code <name>.capacity}: the share of the last 10 s spent handling messages (1 = one thread busy all the
     * while), as Axon's {@code CapacityMonitor} measures it, one gauge for each set of tags.
     */
    private static final class Capacity implements MessageMonitor<Message<?>> {

        private static final long WINDOW_SECONDS = 10;

        private final String name;
        private final MeterRegistry meters;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final Map<Tags, SlidingTimeWindowReservoir> windows = new ConcurrentHashMap<>();

        Capacity(String name, MeterRegistry meters, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.meters = meters;
            this.tags = tags;
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            SlidingTimeWindowReservoir window = windows.computeIfAbsent(Tags.of(tags.apply(message)), this::register);
            long started = Clock.SYSTEM.monotonicTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    window.update(Clock.SYSTEM.monotonicTime() - started);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    reportSuccess();
                }

                @Override
                public void reportIgnored() {
                    reportSuccess();
                }
            };
        }

        private SlidingTimeWindowReservoir register(Tags tagged) {
            SlidingTimeWindowReservoir window =
                    new SlidingTimeWindowReservoir(WINDOW_SECONDS, TimeUnit.SECONDS, Clock.SYSTEM);
            Gauge.builder(name + ".capacity", window, Capacity::capacity)
                    .description("share of the last 10 s spent handling messages (1 = one thread busy throughout)")
                    .tags(tagged)
                    .strongReference(true)
                    .register(meters);
            return window;
        }

        private static double capacity(SlidingTimeWindowReservoir window) {
            long busy =
                    window.getMeasurements().stream().mapToLong(Long::longValue).sum();
            return (double) busy / TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
        }
    }

    /** {@code <name>.latency}: how old, in milliseconds, the last event was when the processor received it. */
    private static final class Latency implements MessageMonitor<EventMessage<?>> {

        private final String name;
        private final MeterRegistry meters;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final Map<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();

        Latency(String name, MeterRegistry meters, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.meters = meters;
            this.tags = tags;
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            latencies
                    .computeIfAbsent(Tags.of(tags.apply(message)), this::register)
                    .set(Clock.SYSTEM.wallTime() - message.getTimestamp().toEpochMilli());
            return NoOpMessageMonitorCallback.INSTANCE;
        }

        private AtomicLong register(Tags tagged) {
            AtomicLong latency = new AtomicLong();
            Gauge.builder(name + ".latency", latency, AtomicLong::get)
                    .description("how old the last event was when the processor received it, in milliseconds")
                    .tags(tagged)
                    .strongReference(true)
                    .register(meters);
            return latency;
        }
    }
}
