package io.masthead.reliability;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context whose logger keeps every line, each parsed as the JSON record it must be. */
final class LogLines implements Context {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            message.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    int size() {
        return lines.size();
    }

    /** The lines logged since {@code mark}, each parsed; a line that is not JSON fails the caller. */
    List<JsonNode> since(int mark) {
        return lines.subList(mark, lines.size()).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + l, e);
            }
        }).toList();
    }

    @Override public String getAwsRequestId() { return "reliability"; }
    @Override public String getLogGroupName() { return "/aws/lambda/reliability"; }
    @Override public String getLogStreamName() { return "reliability"; }
    @Override public String getFunctionName() { return "reliability"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:reliability"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 60_000; }
    @Override public int getMemoryLimitInMB() { return 2048; }
    @Override public LambdaLogger getLogger() { return logger; }
}
