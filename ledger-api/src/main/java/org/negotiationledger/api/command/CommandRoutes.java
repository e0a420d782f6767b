package org.negotiationledger.api.command;

import static org.negotiationledger.api.command.Requests.parse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.negotiationledger.api.command.CommandRequests.AgreeTruceRequest;
import org.negotiationledger.api.command.CommandRequests.AssessViolationRequest;
import org.negotiationledger.api.command.CommandRequests.EndCommitmentRequest;
import org.negotiationledger.api.command.CommandRequests.IssueStatementRequest;
import org.negotiationledger.api.command.CommandRequests.MakePledgeRequest;
import org.negotiationledger.api.command.CommandRequests.OpenNegotiationRequest;
import org.negotiationledger.api.command.CommandRequests.RecordTalksRequest;
import org.negotiationledger.api.command.CommandRequests.RegisterActorRequest;
import org.negotiationledger.api.command.CommandRequests.ReportViolationRequest;
import org.negotiationledger.api.command.CommandRequests.RetractViolationReportRequest;
import org.negotiationledger.api.command.LedgerCommands.Submission;
import org.negotiationledger.core.actor.RegisterActor;
import org.negotiationledger.core.commitment.AgreeTruce;
import org.negotiationledger.core.commitment.AssessViolation;
import org.negotiationledger.core.commitment.Casualties;
import org.negotiationledger.core.commitment.EndCommitment;
import org.negotiationledger.core.commitment.MakePledge;
import org.negotiationledger.core.commitment.ReportViolation;
import org.negotiationledger.core.commitment.RetractViolationReport;
import org.negotiationledger.core.negotiation.OpenNegotiation;
import org.negotiationledger.core.negotiation.Participant;
import org.negotiationledger.core.negotiation.RecordTalks;
import org.negotiationledger.core.shared.ActorId;
import org.negotiationledger.core.shared.CommitmentId;
import org.negotiationledger.core.shared.NegotiationId;
import org.negotiationledger.core.shared.StatementId;
import org.negotiationledger.core.shared.TalksId;
import org.negotiationledger.core.shared.ViolationId;
import org.negotiationledger.core.statement.IssueStatement;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every command the HTTP API takes: the path it is posted to, its request body, and how that body becomes the
 * command. The controllers and the bulk import both go through this table, so a line of an import means
 * exactly what the same body posted to the same path means.
 */
final class CommandRoutes {

    private CommandRoutes() {}

    /** How a body posted to a path (with its path variables) becomes a submission, at a receipt time. */
    @FunctionalInterface
    interface Mapping<B> {
        Submission submission(Map<String, String> variables, B body, Instant receivedAt);
    }

    /** One command's path and body. */
    record Route<B>(PathPattern path, Class<B> body, Mapping<B> mapping) {

        Submission submission(Map<String, String> variables, Object body, Instant receivedAt) {
            return mapping.submission(variables, this.body.cast(body), receivedAt);
        }
    }

    /** A path matched to its route, with the values of its variables. */
    record Matched(Route<?> route, Map<String, String> variables) {}

    private static final PathPatternParser PATHS = new PathPatternParser();

    static final List<Route<?>> ALL = List.of(
            route("/api/v1/actors", RegisterActorRequest.class, (v, body, at) -> registerActor(body)),
            route("/api/v1/negotiations", OpenNegotiationRequest.class, (v, body, at) -> openNegotiation(body)),
            route(
                    "/api/v1/negotiations/{negotiationId}/talks",
                    RecordTalksRequest.class,
                    (v, body, at) -> recordTalks(new NegotiationId(v.get("negotiationId")), body, at)),
            route("/api/v1/truces", AgreeTruceRequest.class, (v, body, at) -> agreeTruce(body, at)),
            route("/api/v1/pledges", MakePledgeRequest.class, (v, body, at) -> makePledge(body, at)),
            route(
                    "/api/v1/commitments/{commitmentId}/end",
                    EndCommitmentRequest.class,
                    (v, body, at) -> end(new CommitmentId(v.get("commitmentId")), body, at)),
            route(
                    "/api/v1/commitments/{commitmentId}/violations",
                    ReportViolationRequest.class,
                    (v, body, at) -> report(new CommitmentId(v.get("commitmentId")), body, at)),
            route(
                    "/api/v1/commitments/{commitmentId}/violations/{violationId}/assessment",
                    AssessViolationRequest.class,
                    (v, body, at) -> assess(
                            new CommitmentId(v.get("commitmentId")), new ViolationId(v.get("violationId")), body, at)),
            route(
                    "/api/v1/commitments/{commitmentId}/violations/{violationId}/retraction",
                    RetractViolationReportRequest.class,
                    (v, body, at) -> retract(
                            new CommitmentId(v.get("commitmentId")), new ViolationId(v.get("violationId")), body)),
            route("/api/v1/statements", IssueStatementRequest.class, (v, body, at) -> issueStatement(body, at)));

    private static <B> Route<B> route(String path, Class<B> body, Mapping<B> mapping) {
        return new Route<>(PATHS.parse(path), body, mapping);
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

    static Submission registerActor(RegisterActorRequest body) {
        String id = Requests.idOrNew(body.id());
        var command = new RegisterActor(new ActorId(id), body.name(), body.kind());
        return new Submission(command, id, "/api/v1/actors/" + id, command.id().toString(), body);
    }

    static Submission openNegotiation(OpenNegotiationRequest body) {
        String id = Requests.idOrNew(body.id());
        var command = new OpenNegotiation(
                new NegotiationId(id),
                body.title(),
                Requests.actors(body.parties()),
                Requests.actors(body.mediators()));
        return new Submission(
                command, id, "/api/v1/negotiations/" + id, command.id().toString(), body);
    }

    static Submission recordTalks(NegotiationId negotiationId, RecordTalksRequest body, Instant receivedAt) {
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
        return new Submission(
                command, id, "/api/v1/negotiations/" + negotiationId.value() + "/talks/" + id, null, body);
    }

    static Submission agreeTruce(AgreeTruceRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var command = new AgreeTruce(
                new CommitmentId(id),
                new NegotiationId(body.negotiationId()),
                body.kind(),
                body.title(),
                Requests.actors(body.parties()),
                Requests.actors(body.brokers()),
                body.venue(),
                parse(body.agreedAt(), body.agreedAtPrecision()),
                parse(body.effectiveFrom(), body.effectiveFromPrecision()),
                parse(body.expiresAt(), body.expiresAtPrecision()),
                body.terms(),
                body.renews() == null ? null : new CommitmentId(body.renews()),
                Requests.map(body.supersedes(), CommitmentId::new),
                body.source(),
                receivedAt);
        return new Submission(command, id, commitmentPath(id), command.id().toString(), body);
    }

    static Submission makePledge(MakePledgeRequest body, Instant receivedAt) {
        String id = Requests.idOrNew(body.id());
        var command = new MakePledge(
                new CommitmentId(id),
                new NegotiationId(body.negotiationId()),
                body.kind(),
                body.title(),
                Requests.actors(body.parties()),
                Requests.actors(body.brokers()),
                body.venue(),
                parse(body.madeAt(), body.madeAtPrecision()),
                parse(body.effectiveFrom(), body.effectiveFromPrecision()),
                body.terms(),
                body.source(),
                receivedAt);
        return new Submission(command, id, commitmentPath(id), command.id().toString(), body);
    }

    static Submission end(CommitmentId commitmentId, EndCommitmentRequest body, Instant receivedAt) {
        var command = new EndCommitment(
                commitmentId,
                body.reason(),
                parse(body.endedAt(), body.endedAtPrecision()),
                body.note(),
                receivedAt,
                body.expectedVersion());
        return new Submission(command, commitmentId.value(), commitmentPath(commitmentId.value()), null, body);
    }

    static Submission report(CommitmentId commitmentId, ReportViolationRequest body, Instant receivedAt) {
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
                location,
                body.description(),
                casualties,
                body.source(),
                receivedAt,
                body.expectedVersion());
        return new Submission(command, id, violationPath(commitmentId, id), null, body);
    }

    static Submission assess(
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
        return new Submission(
                command, violationId.value(), violationPath(commitmentId, violationId.value()), null, body);
    }

    static Submission retract(CommitmentId commitmentId, ViolationId violationId, RetractViolationReportRequest body) {
        var command = new RetractViolationReport(
                commitmentId, violationId, new ActorId(body.retractedBy()), body.reason(), body.expectedVersion());
        return new Submission(
                command, violationId.value(), violationPath(commitmentId, violationId.value()), null, body);
    }

    static Submission issueStatement(IssueStatementRequest body, Instant receivedAt) {
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
        return new Submission(
                command, id, "/api/v1/statements/" + id, command.id().toString(), body);
    }

    private static String commitmentPath(String id) {
        return "/api/v1/commitments/" + id;
    }

    private static String violationPath(CommitmentId commitment, String violation) {
        return commitmentPath(commitment.value()) + "/violations/" + violation;
    }
}
