package org.negotiationledger.api.command;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.negotiationledger.api.config.AxonConfig;
import org.springframework.stereotype.Component;

/**
 * Records a command's answer under its Idempotency-Key inside the command's own unit of work, so the answer
 * and the events commit together or not at all. The command bus opens the transaction before any handler
 * interceptor runs, so this insert joins it. (A test proves both: a replay records nothing new.)
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String KEY = "idempotency.key";
    private static final String FINGERPRINT = "idempotency.fingerprint";
    private static final String ID = "idempotency.id";
    private static final String LOCATION = "idempotency.location";
    private static final String CREATES = "idempotency.creates";

    private final IdempotencyRecords records;

    /** Axon's Spring support registers interceptor beans on the command bus. */
    IdempotencyInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    /** The command metadata that asks for the answer to be kept. */
    static Map<String, String> mark(String key, String fingerprint, LedgerCommands.Submission submission) {
        return Map.of(
                KEY,
                key,
                FINGERPRINT,
                fingerprint,
                ID,
                submission.id(),
                LOCATION,
                submission.location(),
                CREATES,
                Boolean.toString(submission.creates()));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (metaData.containsKey(KEY)) {
            records.save(
                    (String) metaData.get(AxonConfig.PRINCIPAL),
                    (String) metaData.get(KEY),
                    (String) metaData.get(FINGERPRINT),
                    LedgerCommands.Accepted.of(
                            result,
                            (String) metaData.get(ID),
                            (String) metaData.get(LOCATION),
                            Boolean.parseBoolean((String) metaData.get(CREATES))));
        }
        return result;
    }
}
