package org.negotiationledger.api.view;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.negotiationledger.core.shared.RecordNotFoundException;
import org.negotiationledger.projections.rebuild.Rebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/replays/{view}} rebuilds a view (or {@code all}) from the full history; {@code GET}
 * on the same path reports progress. Every view is kept by one projection, so rebuilding one rebuilds all.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/replays", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class RebuildController {

    static final Set<String> VIEWS = Set.of("all", "commitments", "broken", "timeline", "party-record", "statements");

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/{view}")
    @Operation(summary = "Rebuild a view (or all) from the full history; answers 202 with the progress")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String view) {
        known(view);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/admin/replays/" + view)
                .body(RebuildProgress.of(view, rebuilds.request()));
    }

    @GetMapping("/{view}")
    @Operation(operationId = "rebuildProgress", summary = "Progress of the view's rebuild: done, total, percent")
    RebuildProgress progress(@PathVariable String view) {
        known(view);
        return RebuildProgress.of(view, rebuilds.progress());
    }

    private static void known(String view) {
        if (!VIEWS.contains(view)) {
            throw new RecordNotFoundException("no view '" + view + "'; the views are "
                    + VIEWS.stream().sorted().toList());
        }
    }
}
