package org.negotiationledger.core.shared;

import static org.negotiationledger.core.shared.RuleViolationException.check;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks that several aggregates make of the actors a command names. */
public final class Rules {

    private Rules() {}

    /** At least {@code minimum} actors, none named twice, each registered. */
    public static void distinctKnownActors(List<ActorId> actors, String field, int minimum, Directory directory) {
        List<ActorId> list = actors == null ? List.of() : actors;
        check(
                list.size() >= minimum,
                field,
                minimum == 1
                        ? "at least one actor is required"
                        : "at least " + minimum + " distinct actors are required");
        Set<ActorId> seen = new HashSet<>();
        for (ActorId actor : list) {
            check(actor != null, field, "an actor id is missing");
            check(seen.add(actor), field, "'" + actor.value() + "' is named twice");
            knownActor(actor, field, directory);
        }
    }

    /**
     * A stated time of something that has happened (agreed, made, occurred, assessed, issued, ended, held) is
     * not in the future of the moment the ledger received the command: the ledger records what happened, not
     * what is announced. (When a commitment takes effect or expires may lie ahead.) An imprecise time passes
     * while its interval has begun.
     */
    public static void happenedBy(StatedTime time, Instant receivedAt, String field, String what) {
        Objects.requireNonNull(
                receivedAt, "a command that states when something happened carries when it was received");
        check(
                time == null || !time.earliest().isAfter(receivedAt),
                field,
                what + " cannot be in the future of the moment the ledger received it: " + time + " is in the future");
    }

    public static void knownActor(ActorId actor, String field, Directory directory) {
        if (!directory.actorExists(actor)) {
            throw new UnknownReferenceException(
                    field, "unknown actor '" + actor.value() + "': register it first (POST /api/v1/actors)");
        }
    }
}
