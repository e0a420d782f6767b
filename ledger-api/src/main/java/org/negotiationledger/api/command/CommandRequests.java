package org.negotiationledger.api.command;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.negotiationledger.api.param.TimeText;
import org.negotiationledger.api.problem.InvalidFieldException;
import org.negotiationledger.core.actor.ActorKind;
import org.negotiationledger.core.commitment.AssessmentOutcome;
import org.negotiationledger.core.commitment.EndReason;
import org.negotiationledger.core.commitment.Location;
import org.negotiationledger.core.commitment.PledgeKind;
import org.negotiationledger.core.commitment.TruceKind;
import org.negotiationledger.core.negotiation.ParticipantRole;
import org.negotiationledger.core.shared.Precision;
import org.negotiationledger.core.shared.RecordId;
import org.negotiationledger.core.statement.StatementKind;

/**
 * The bodies of the command endpoints, as {@code docs/http-api.md} names their fields. Each is checked
 * for shape here (required fields, id syntax, time syntax, sizes); the rules that need the ledger's state are
 * the aggregates'. Ids are optional where the ledger may assign one. {@code expectedVersion} is optional on
 * every write.
 */
public final class CommandRequests {

    private CommandRequests() {}

    static final String ID = RecordId.SYNTAX;
    static final String ID_MESSAGE =
            "must be an id: lower-case letters, digits and '-', starting with a letter or digit, at most 100 characters";
    static final int NAME = 500;
    static final int TEXT = 20_000;

    public record RegisterActorRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotNull @Text(name = true) @Size(max = NAME) String name,
            @NotNull ActorKind kind,
            @PositiveOrZero Long expectedVersion) {}

    public record OpenNegotiationRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotNull @Text(name = true) @Size(max = NAME) String title,
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> parties,
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> mediators,
            @PositiveOrZero Long expectedVersion) {}

    public record ParticipantRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String actor,

            @NotNull ParticipantRole role) {}

    public record RecordTalksRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotNull @Text(name = true) @Size(max = NAME) String venue,
            @NotNull @TimeText String startedAt,
            Precision startedAtPrecision,
            @TimeText String endedAt,
            Precision endedAtPrecision,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid ParticipantRequest> participants,
            @Size(max = TEXT) String outcome,
            @PositiveOrZero Long expectedVersion) {}

    /**
     * What the bodies of a truce and a pledge both state (their agreed time has a name of its own in each). Each
     * record declares its fields, with their checks, itself, so that a field is named as the body has it.
     */
    interface UndertakingRequest {
        String negotiationId();

        String title();

        List<String> parties();

        List<String> brokers();

        String venue();

        String effectiveFrom();

        Precision effectiveFromPrecision();

        List<String> terms();

        String source();

        String announcedAt();

        Precision announcedAtPrecision();
    }

    public record AgreeTruceRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,

            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String negotiationId,

            @NotNull TruceKind kind,
            @NotNull @Text(name = true) @Size(max = NAME) String title,
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> parties,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> brokers,
            @Text(name = true) @Size(max = NAME) String venue,
            @NotNull @TimeText String agreedAt,
            Precision agreedAtPrecision,
            @NotNull @TimeText String effectiveFrom,
            Precision effectiveFromPrecision,
            @TimeText String expiresAt,
            Precision expiresAtPrecision,
            @Size(max = 200) List<@NotNull @Size(max = TEXT) String> terms,
            @Pattern(regexp = ID, message = ID_MESSAGE) String renews,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> supersedes,
            @Size(max = TEXT) String source,
            @TimeText String announcedAt,
            Precision announcedAtPrecision,
            @PositiveOrZero Long expectedVersion)
            implements UndertakingRequest {}

    public record MakePledgeRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,

            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String negotiationId,

            @NotNull PledgeKind kind,
            @NotNull @Text(name = true) @Size(max = NAME) String title,
            @NotNull @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> parties,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> brokers,
            @Text(name = true) @Size(max = NAME) String venue,
            @NotNull @TimeText String madeAt,
            Precision madeAtPrecision,
            @NotNull @TimeText String effectiveFrom,
            Precision effectiveFromPrecision,
            @Size(max = 200) List<@NotNull @Size(max = TEXT) String> terms,
            @Size(max = TEXT) String source,
            @TimeText String announcedAt,
            Precision announcedAtPrecision,
            @PositiveOrZero Long expectedVersion)
            implements UndertakingRequest {}

    public record EndCommitmentRequest(
            @NotNull EndReason reason,
            @NotNull @TimeText String endedAt,
            Precision endedAtPrecision,
            @Size(max = TEXT) String note,
            @PositiveOrZero Long expectedVersion) {}

    /** A truce's expiry moved later: who agreed it (parties or brokers), when, and the new expiry. */
    public record ExtendCommitmentRequest(
            @NotNull @TimeText String expiresAt,
            Precision expiresAtPrecision,
            @NotNull @TimeText String agreedAt,
            Precision agreedAtPrecision,
            @TimeText String announcedAt,
            Precision announcedAtPrecision,

            @NotNull @Size(min = 1, max = 100)
            List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> agreedBy,

            @Size(max = TEXT) String source,
            @Size(max = TEXT) String note,
            @PositiveOrZero Long expectedVersion) {}

    /** Where a violation occurred: a place name, or an object with a name and optional coordinates. */
    public record LocationRequest(
            @Text(name = true) @Size(max = NAME) String name,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static LocationRequest of(
                @JsonProperty("name") String name,
                @JsonProperty("latitude") Double latitude,
                @JsonProperty("longitude") Double longitude) {
            return new LocationRequest(name, latitude, longitude);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static LocationRequest named(String name) {
            return new LocationRequest(name, null, null);
        }

        /** A point needs both coordinates: a latitude alone places a report anywhere along a circle. */
        Location toLocation() {
            if ((latitude == null) != (longitude == null)) {
                throw new InvalidFieldException(
                        latitude == null ? "location.latitude" : "location.longitude",
                        "latitude and longitude go together: give both or neither");
            }
            return new Location(name, latitude, longitude);
        }
    }

    public record CasualtiesRequest(
            @PositiveOrZero Integer killed, @PositiveOrZero Integer injured) {}

    public record ReportViolationRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,

            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String reportedBy,

            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String accused,

            @NotNull @TimeText String occurredAt,
            Precision occurredAtPrecision,
            @TimeText String occurredUntil,
            Precision occurredUntilPrecision,
            @Valid LocationRequest location,
            @Size(max = TEXT) String description,
            @Valid CasualtiesRequest casualties,
            @Size(max = TEXT) String source,
            @PositiveOrZero Long expectedVersion) {}

    public record AssessViolationRequest(
            @NotNull AssessmentOutcome outcome,
            @Pattern(regexp = ID, message = ID_MESSAGE) String attributedTo,

            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String assessedBy,

            @NotNull @TimeText String assessedAt,
            Precision assessedAtPrecision,
            @Size(max = TEXT) String note,
            @PositiveOrZero Long expectedVersion) {}

    public record RetractViolationReportRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String retractedBy,

            @NotNull @Text @Size(max = TEXT) String reason,
            @PositiveOrZero Long expectedVersion) {}

    public record IssueStatementRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String id,

            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE)
            String author,

            @Text(name = true) @Size(max = NAME) String deliveredBy,
            @NotNull @TimeText String issuedAt,
            Precision issuedAtPrecision,
            @NotEmpty @Size(max = 6) List<@NotNull StatementKind> kinds,
            @NotNull @Text @Size(max = TEXT) String text,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> concerns,
            @Size(max = TEXT) String source,
            @PositiveOrZero Long expectedVersion) {}
}
