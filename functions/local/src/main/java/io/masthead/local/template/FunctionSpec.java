package io.masthead.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} as the local runner needs it.
 *
 * @param handler       as written, e.g. {@code io.masthead.event.PublishHandler::handleRequest}
 * @param environment   Globals and the function's own variables, resolved
 * @param writePrefixes the key prefixes its policies let it write or delete ({@code s3:PutObject},
 *                      {@code s3:DeleteObject}), e.g. {@code cards/}
 * @param reservedConcurrency null when not set
 */
public record FunctionSpec(String logicalId, String handler, int memoryMb, int timeoutSeconds,
                           Integer reservedConcurrency, Map<String, String> environment,
                           List<S3Trigger> s3Triggers, List<SqsTrigger> sqsTriggers, List<String> writePrefixes) {
    public FunctionSpec {
        environment = Map.copyOf(environment);
        s3Triggers = List.copyOf(s3Triggers);
        sqsTriggers = List.copyOf(sqsTriggers);
        writePrefixes = List.copyOf(writePrefixes);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }
}
