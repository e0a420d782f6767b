package org.negotiationledger.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void aLongListIsCutIntoChunksOfFiveHundredInOrder() {
        List<Long> values = LongStream.rangeClosed(1, 1_201).boxed().toList();
        List<List<Long>> chunks = InLists.chunks(values);
        assertThat(chunks).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(values);
    }

    @Test
    void noValuesAreNoChunks() {
        assertThat(InLists.chunks(List.of())).isEmpty();
    }

    @Test
    void placeholdersAreOnePerValue() {
        assertThat(InLists.placeholders(1)).isEqualTo("?");
        assertThat(InLists.placeholders(3)).isEqualTo("?, ?, ?");
    }
}
