package org.negotiationledger.core.shared;

import static org.negotiationledger.core.shared.RuleViolationException.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that several aggregates make of the actors a command names. */
public final class Rules {

    private Rules() {
    }

    /** At least {@code minimum} actors, none named twice, each registered. */
    public static void distinctKnownActors(List<ActorId> actors, String field, int minimum, Directory directory) {
        List<ActorId> list = actors == null ? List.of() : actors;
        check(list.size() >= minimum, field, minimum == 1
                ? "at least one actor is required"
                : "at least " + minimum + " distinct actors are required");
        Set<ActorId> seen = new HashSet<>();
        for (ActorId actor : list) {
            check(actor != null, field, "an actor id is missing");
            check(seen.add(actor), field, "'" + actor.value() + "' is named twice");
            knownActor(actor, field, directory);
        }
    }

    public static void knownActor(ActorId actor, String field, Directory directory) {
        if (!directory.actorExists(actor)) {
            throw new UnknownReferenceException(field,
                    "unknown actor '" + actor.value() + "': register it first (POST /api/v1/actors)");
        }
    }
}
