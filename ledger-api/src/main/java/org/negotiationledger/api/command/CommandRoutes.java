package org.negotiationledger.api.command;

import static org.negotiationledger.api.command.Requests.parse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.negotiationledger.api.command.CommandRequests.AgreeTruceRequest;
import org.negotiationledger.api.command.CommandRequests.AssessViolationRequest;
import org.negotiationledger.api.command.CommandRequests.EndCommitmentRequest;
import org.negotiationledger.api.command.CommandRequests.ExtendCommitmentRequest;
import org.negotiationledger.api.command.CommandRequests.IssueStatementRequest;
import org.negotiationledger.api.command.CommandRequests.MakePledgeRequest;
import org.negotiationledger.api.command.CommandRequests.OpenNegotiationRequest;
import org.negotiationledger.api.command.CommandRequests.RecordTalksRequest;
import org.negotiationledger.api.command.CommandRequests.RegisterActorRequest;
import org.negotiationledger.api.command.CommandRequests.ReportViolationRequest;
import org.negotiationledger.api.command.CommandRequests.RetractViolationReportRequest;
import org.negotiationledger.api.command.CommandRequests.UndertakingRequest;
import org.negotiationledger.api.command.LedgerCommands.Submission;
import org.negotiationledger.core.actor.RegisterActor;
import org.negotiationledger.core.commitment.AgreeTruce;
import org.negotiationledger.core.commitment.AssessViolation;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.EndCommitment;
import org.negotiationledger.core.commitment.ExtendCommitment;
import org.negotiationledger.core.commitment.MakePledge;
import org.negotiationledger.core.commitment.ReportViolation;
import org.negotiationledger.core.commitment.RetractViolationReport;
import org.negotiationledger.core.commitment.Undertaking;
import org.negotiationledger.core.negotiation.OpenNegotiation;
import org.negotiationledger.core.negotiation.Participant;
import org.negotiationledger.core.negotiation.RecordTalks;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatedTime;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.core.shared.TalksId;
import org.negotiationledger.core.shared.ViolationId;
import org.negotiationledger.core.statement.IssueStatement;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.UriTemplate;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every command the HTTP API takes: the path it is posted to, its request body, how that body becomes the
 * command, and where the record it writes is read (the {@code Location} of its answer). The one source of these:
 * a controller's mapping names its path here ({@link CommandEndpoints} turns what was posted to it into the
 * command by this table), the bulk import reads each line by it, and {@link CommandRoutesCheck} refuses to start
 * when the controllers' mappings and the table differ. So a line of an import means exactly what the same body
 * posted to the same path means.
 */
final class CommandRoutes {

    private CommandRoutes() {}

    // The paths commands are posted to: constants, so that the controllers' mappings can name them.
    static final String ACTORS = "/api/v1/actors";
    static final String NEGOTIATIONS = "/api/v1/negotiations";
    static final String TALKS = NEGOTIATIONS + "/{negotiationId}/talks";
    static final String TRUCES = "/api/v1/truces";
    static final String PLEDGES = "/api/v1/pledges";
    private static final String COMMITMENT = "/api/v1/commitments/{commitmentId}";
    static final String END = COMMITMENT + "/end";
    static final String EXTENSION = COMMITMENT + "/extension";
    static final String VIOLATIONS = COMMITMENT + "/violations";
    private static final String VIOLATION = VIOLATIONS + "/{violationId}";
    static final String ASSESSMENT = VIOLATION + "/assessment";
    static final String RETRACTION = VIOLATION + "/retraction";
    static final String STATEMENTS = "/api/v1/statements";

    // Where the records are read: a location's last variable is the record's id, the others the posted path's.
    private static final String ACTOR = ACTORS + "/{actorId}";
    private static final String NEGOTIATION = NEGOTIATIONS + "/{negotiationId}";
    private static final String ROUND_OF_TALKS = TALKS + "/{talksId}";
    private static final String STATEMENT = STATEMENTS + "/{statementId}";

    /** How a body posted to a path (with its path variables) becomes a command, at a receipt time. */
    @FunctionalInterface
    interface Mapping<B> {
        Written written(Map<String, String> variables, B body, Instant receivedAt);
    }

    /**
     * What a body stands for: the command, the id of the record it writes, and, for a command that creates a
     * record, the stream it creates (null otherwise).
     */
    record Written(Object command, String id, String createsStream) {

        /** A creation: its stream is the key of the new record's typed id ({@code toString()}, as Axon's). */
        static Written creating(Object command, String id, Object createdId) {
            return new Written(command, id, createdId.toString());
        }

        static Written changing(Object command, String id) {
            return new Written(command, id, null);
        }
    }

    /** One command's path, body and mapping, and where its record is read. */
    record Route<B>(PathPattern path, Class<B> body, UriTemplate location, Mapping<B> mapping) {

        Submission submission(Map<String, String> variables, Object body, Instant receivedAt) {
            Written written = mapping.written(variables, this.body.cast(body), receivedAt);
            return new Submission(
                    written.command(), written.id(), location(variables, written.id()), written.createsStream(), body);
        }

        private String location(Map<String, String> variables, String id) {
            Map<String, String> values = new HashMap<>(variables);
            List<String> names = location.getVariableNames();
            values.put(names.get(names.size() - 1), id);
            return location.expand(values).toString();
        }
    }

    /** A path matched to its route, with the values of its variables. */
    record Matched(Route<?> route, Map<String, String> variables) {}

    private static final PathPatternParser PATHS = new PathPatternParser();

    static final List<Route<?>> ALL = List.of(
            route(ACTORS, RegisterActorRequest.class, ACTOR, (v, body, at) -> registerActor(body)),
            route(NEGOTIATIONS, OpenNegotiationRequest.class, NEGOTIATION, (v, body, at) -> openNegotiation(body)),
            route(
                    TALKS,
                    RecordTalksRequest.class,
                    ROUND_OF_TALKS,
                    (v, body, at) -> recordTalks(new NegotiationId(v.get("negotiationId")), body, at)),
            route(TRUCES, AgreeTruceRequest.class, COMMITMENT, (v, body, at) -> agreeTruce(body, at)),
            route(PLEDGES, MakePledgeRequest.class, COMMITMENT, (v, body, at) -> makePledge(body, at)),
            route(
                    END,
                    EndCommitmentRequest.class,
                    COMMITMENT,
                    (v, body, at) -> end(new CommitmentId(v.get("commitmentId")), body, at)),
            route(
                    EXTENSION,
                    ExtendCommitmentRequest.class,
                    COMMITMENT,
                    (v, body, at) -> extend(new CommitmentId(v.get("commitmentId")), body, at)),
            route(
                    VIOLATIONS,
                    ReportViolationRequest.class,
                    VIOLATION,
                    (v, body, at) -> report(new CommitmentId(v.get("commitmentId")), body, at)),
            route(
                    ASSESSMENT,
                    AssessViolationRequest.class,
                    VIOLATION,
                    (v, body, at) -> assess(
                            new CommitmentId(v.get("commitmentId")), new ViolationId(v.get("violationId")), body, at)),
            route(
                    RETRACTION,
                    RetractViolationReportRequest.class,
                    VIOLATION,
                    (v, body, at) -> retract(
                            new CommitmentId(v.get("commitmentId")), new ViolationId(v.get("violationId")), body)),
            route(STATEMENTS, IssueStatementRequest.class, STATEMENT, (v, body, at) -> issueStatement(body, at)));

    private static final Map<String, Route<?>> BY_PATH = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(route -> route.path().getPatternString(), route -> route));

    private static <B> Route<B> route(String path, Class<B> body, String location, Mapping<B> mapping) {
        return new Route<>(PATHS.parse(path), body, new UriTemplate(location), mapping);
    }

    /** The route of a path pattern, as a controller's mapping names it. */
    static Optional<Route<?>> at(String pattern) {
        return Optional.ofNullable(BY_PATH.get(pattern));
    }

    /** The route a path is posted to, if any. */
    static Optional<Matched> match(String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Route<?> route : ALL) {
            PathPattern.PathMatchInfo match = route.path().matchAndExtract(container);
            if (match != null) {
                return Optional.of(new Matched(route, match.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    private static Written registerActor(RegisterActorRequest body) {
        String id = Requests.idOrNew(body.id());
        var command = new RegisterActor(new ActorId(id), body.name(), body.kind());
        return Written.creating(command, id, command.id());
    }

    private static Written openNegotiation(OpenNegotiationRequest body) {
        String id = Requests.idOrNew(body.id());
        var command = new OpenNegotiation(
                new NegotiationId(id),
                body.title(),
                Requests.actors(body.parties()),
                Requests.actors(body.mediators()));
        return Written.creating(command, id, command.id());
    }

    private static Written recordTalks(NegotiationId negotiationId, RecordTalksRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var command = new RecordTalks(
                negotiationId,
                new TalksId(id),
                body.venue(),
                parse(body.startedAt(), body.startedAtPrecision()),
                parse(body.endedAt(), body.endedAtPrecision()),
                body.participants().stream()
                        .map(p -> new Participant(new ActorId(p.actor()), p.role()))
                        .toList(),
                body.outcome(),
                receivedAt,
                body.expectedVersion());
        return Written.changing(command, id);
    }

    private static Written agreeTruce(AgreeTruceRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var command = new AgreeTruce(
                new CommitmentId(id),
                body.kind(),
                undertaking(body, parse(body.agreedAt(), body.agreedAtPrecision())),
                parse(body.expiresAt(), body.expiresAtPrecision()),
                body.renews() == null ? null : new CommitmentId(body.renews()),
                Requests.map(body.supersedes(), CommitmentId::new),
                receivedAt);
        return Written.creating(command, id, command.id());
    }

    private static Written makePledge(MakePledgeRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var command = new MakePledge(
                new CommitmentId(id),
                body.kind(),
                undertaking(body, parse(body.madeAt(), body.madeAtPrecision())),
                receivedAt);
        return Written.creating(command, id, command.id());
    }

    /** What a truce's body and a pledge's both state, with the time it was agreed (a pledge's madeAt). */
    private static Undertaking undertaking(UndertakingRequest body, StatedTime agreedAt) {
        return new Undertaking(
                new NegotiationId(body.negotiationId()),
                body.title(),
                Requests.actors(body.parties()),
                Requests.actors(body.brokers()),
                body.venue(),
                agreedAt,
                parse(body.effectiveFrom(), body.effectiveFromPrecision()),
                body.terms(),
                body.source(),
                parse(body.announcedAt(), body.announcedAtPrecision()));
    }

    private static Written end(CommitmentId commitmentId, EndCommitmentRequest body, Instant receivedAt) {
        var command = new EndCommitment(
                commitmentId,
                body.reason(),
                parse(body.endedAt(), body.endedAtPrecision()),
                body.note(),
                receivedAt,
                body.expectedVersion());
        return Written.changing(command, commitmentId.value());
    }

    private static Written extend(CommitmentId commitmentId, ExtendCommitmentRequest body, Instant receivedAt) {
        var command = new ExtendCommitment(
                commitmentId,
                parse(body.expiresAt(), body.expiresAtPrecision()),
                parse(body.agreedAt(), body.agreedAtPrecision()),
                body.announcedAt() == null ? null : parse(body.announcedAt(), body.announcedAtPrecision()),
                body.agreedBy().stream().map(ActorId::new).toList(),
                body.source(),
                body.note(),
                receivedAt,
                body.expectedVersion());
        return Written.changing(command, commitmentId.value());
    }

    private static Written report(CommitmentId commitmentId, ReportViolationRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var location = body.location() == null ? null : body.location().toLocation();
        var casualties = body.casualties() == null
                ? null
                : new Casualties(body.casualties().killed(), body.casualties().injured());
        var command = new ReportViolation(
                commitmentId,
                new ViolationId(id),
                new ActorId(body.reportedBy()),
                new ActorId(body.accused()),
                parse(body.occurredAt(), body.occurredAtPrecision()),
                parse(body.occurredUntil(), body.occurredUntilPrecision()),
                location,
                body.description(),
                casualties,
                body.source(),
                receivedAt,
                body.expectedVersion());
        return Written.changing(command, id);
    }

    private static Written assess(
            CommitmentId commitmentId, ViolationId violationId, AssessViolationRequest body, Instant receivedAt) {
        var command = new AssessViolation(
                commitmentId,
                violationId,
                body.outcome(),
                Requests.actorOrNull(body.attributedTo()),
                new ActorId(body.assessedBy()),
                parse(body.assessedAt(), body.assessedAtPrecision()),
                body.note(),
                receivedAt,
                body.expectedVersion());
        return Written.changing(command, violationId.value());
    }

    private static Written retract(
            CommitmentId commitmentId, ViolationId violationId, RetractViolationReportRequest body) {
        var command = new RetractViolationReport(
                commitmentId, violationId, new ActorId(body.retractedBy()), body.reason(), body.expectedVersion());
        return Written.changing(command, violationId.value());
    }

    private static Written issueStatement(IssueStatementRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var command = new IssueStatement(
                new StatementId(id),
                new ActorId(body.author()),
                body.deliveredBy(),
                parse(body.issuedAt(), body.issuedAtPrecision()),
                body.kinds(),
                body.text(),
                body.concerns(),
                body.source(),
                receivedAt);
        return Written.creating(command, id, command.id());
    }
}
