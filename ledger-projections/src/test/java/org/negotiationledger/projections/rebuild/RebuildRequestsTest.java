package org.negotiationledger.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request row's steps, each a conditional update that two servers racing for it cannot both take. */
class RebuildRequestsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private JdbcTemplate jdbc;
    private RebuildRequests requests;

    @BeforeEach
    void oneRowAsTheMigrationsLeaveIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rebuild-requests-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(h2);
        // V6 and V7 of the server's migrations, as one table.
        jdbc.execute("CREATE TABLE view_rebuild (id INTEGER NOT NULL PRIMARY KEY, state VARCHAR(20) NOT NULL, "
                + "target_index BIGINT NOT NULL, requested_at TIMESTAMP NOT NULL, serving INTEGER DEFAULT 1 NOT NULL, "
                + "schema_version INTEGER DEFAULT 1 NOT NULL, building INTEGER, builder VARCHAR(100), "
                + "heartbeat BIGINT DEFAULT 0 NOT NULL, done BIGINT DEFAULT 0 NOT NULL, total BIGINT DEFAULT 0 NOT NULL, "
                + "started_at TIMESTAMP, elapsed_ms BIGINT DEFAULT 0 NOT NULL)");
        jdbc.update(
                "INSERT INTO view_rebuild (id, state, target_index, requested_at) VALUES (1, 'NONE', 0, ?)",
                java.sql.Timestamp.from(NOW));
        requests = new RebuildRequests(jdbc);
    }

    @Test
    void aRequestIsTakenUpByOneServerOnly() {
        requests.ask(NOW);
        assertThat(requests.read().state()).isEqualTo(RebuildState.REQUESTED);

        assertThat(requests.claimRequested("one", 40, NOW)).isTrue();
        assertThat(requests.claimRequested("two", 40, NOW)).isFalse();

        RebuildRequest row = requests.read();
        assertThat(row.state()).isEqualTo(RebuildState.BUILDING);
        assertThat(row.builder()).isEqualTo("one");
        assertThat(row.total()).isEqualTo(40);
        assertThat(row.heartbeat()).isEqualTo(1);
    }

    @Test
    void aRequestDuringABuildIsAnsweredByThatBuild() {
        requests.ask(NOW);
        requests.claimRequested("one", 40, NOW);
        requests.ask(NOW);
        assertThat(requests.read().state()).isEqualTo(RebuildState.BUILDING);
    }

    @Test
    void onlyTheBuilderReportsAndSwitches() {
        requests.ask(NOW);
        requests.claimRequested("one", 40, NOW);

        assertThat(requests.report("two", 10, 40, 5)).isFalse();
        assertThat(requests.report("one", 10, 40, 5)).isTrue();
        assertThat(requests.read().done()).isEqualTo(10);
        assertThat(requests.read().heartbeat()).isEqualTo(2);

        assertThat(requests.switched("two", 2, 3, 41)).isFalse();
        assertThat(requests.switched("one", 2, 3, 41)).isTrue();
        RebuildRequest row = requests.read();
        assertThat(row.state()).isEqualTo(RebuildState.DONE);
        assertThat(row.serving()).isEqualTo(2);
        assertThat(row.builder()).isNull();
        assertThat(row.done()).isEqualTo(41);
        assertThat(jdbc.queryForObject("SELECT schema_version FROM view_rebuild", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void aStalledBuildIsTakenOverOnlyAtTheHeartbeatSeen() {
        requests.ask(NOW);
        requests.claimRequested("one", 40, NOW);
        long heartbeat = requests.read().heartbeat();
        requests.report("one", 10, 40, 5);

        assertThat(requests.claimStalled("two", heartbeat, 40, NOW)).isFalse();
        assertThat(requests.claimStalled("two", heartbeat + 1, 40, NOW)).isTrue();
        assertThat(requests.read().builder()).isEqualTo("two");
        assertThat(requests.report("one", 20, 40, 9))
                .as("the old builder is superseded")
                .isFalse();
    }

    @Test
    void aBuildPassedOnIsRequestedAgainAndAFailedOneWaitsForANewRequest() {
        requests.ask(NOW);
        requests.claimRequested("one", 40, NOW);
        requests.passOn("one");
        assertThat(requests.read().state()).isEqualTo(RebuildState.REQUESTED);

        requests.claimRequested("two", 40, NOW);
        requests.failed("two");
        assertThat(requests.read().state()).isEqualTo(RebuildState.FAILED);
        assertThat(requests.claimRequested("three", 40, NOW)).isFalse();
    }

    @Test
    void anOlderLayoutAsksForARebuildUnlessOneIsAskedOrUnderWay() {
        assertThat(requests.askIfOlderThan(1, NOW)).isFalse();
        assertThat(requests.askIfOlderThan(2, NOW)).isTrue();
        assertThat(requests.read().state()).isEqualTo(RebuildState.REQUESTED);
        assertThat(requests.askIfOlderThan(2, NOW)).isFalse();
    }
}
