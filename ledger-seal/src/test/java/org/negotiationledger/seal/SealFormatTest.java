package org.negotiationledger.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The byte format of the chain, pinned: every ledger sealed so far, and every third party's verifier, computes
 * these digests. A change that moves them breaks every stored history; it wants a new domain ({@code /v2}).
 */
class SealFormatTest {

    private static final byte[] PAYLOAD = "{\"id\":\"moscow\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = "{\"principal\":\"mediator\"}".getBytes(StandardCharsets.UTF_8);

    private static final Seal.Content TRUCE_AGREED = new Seal.Content(
            "commitment:moscow",
            0,
            "e-1",
            "org.negotiationledger.core.commitment.TruceAgreed",
            null,
            "2020-10-10T08:00:00Z",
            PAYLOAD,
            METADATA);

    @Test
    void anEventsDigestIsTheVersionOneFormat() {
        assertThat(Seal.hex(Seal.digest(Seal.ZERO, TRUCE_AGREED)))
                .isEqualTo("816adfc670f0ef000b67eed617f1bbdc12d189983ad7d1392eac4fdbf7be7ed8");
    }

    @Test
    void aSnapshotsDigestIsTheVersionOneFormat() {
        byte[] event = Seal.digest(Seal.ZERO, TRUCE_AGREED);

        assertThat(Seal.hex(Seal.snapshotDigest(
                        event,
                        "commitment:moscow",
                        3,
                        "org.negotiationledger.core.commitment.Commitment",
                        "1",
                        PAYLOAD)))
                .isEqualTo("012675b53aad75f22eddb1aa07f5cf6e0b0e776e13c8139b4f49e0bb28858b05");
    }
}
