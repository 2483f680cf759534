package io.masthead.local.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FunctionSpecTest {
    private static final Path TEMPLATE = Path.of("../../template.yaml");

    @Test
    void readsThePublishFunctionAsTheTemplateDeploysIt() {
        FunctionSpec spec = FunctionSpec.fromTemplate(TEMPLATE, "PublishFunction");
        assertEquals("io.masthead.event.PublishHandler::handleRequest", spec.handler());
        assertEquals(2048, spec.memoryMb());
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dslf4j.internal.verbosity=ERROR", spec.javaToolOptions());
        // !Ref SiteName resolves to the parameter's default
        assertEquals("Masthead News", spec.environment().get("SITE_NAME"));
    }

    @Test
    void theFunctionsOwnMemorySizeOverridesGlobals() {
        assertEquals(512, FunctionSpec.fromTemplate(TEMPLATE, "UnpublishFunction").memoryMb());
    }

    @Test
    void functionEnvironmentOverridesGlobalsAndLiteralsStayLiteral(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Parameters:
                  Colour:
                    Type: String
                    Default: '#000000'
                Globals:
                  Function:
                    MemorySize: 1024
                    Environment:
                      Variables:
                        JAVA_TOOL_OPTIONS: -XX:+UseSerialGC
                        SITE_COLOR: !Ref Colour
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          JAVA_TOOL_OPTIONS: -Xshare:off
                """);
        FunctionSpec spec = FunctionSpec.fromTemplate(template, "Fn");
        assertEquals(1024, spec.memoryMb());
        assertEquals("-Xshare:off", spec.javaToolOptions());
        assertEquals("#000000", spec.environment().get("SITE_COLOR"));
        assertEquals("-XX:+UseSerialGC", spec.withJavaToolOptions("-XX:+UseSerialGC").javaToolOptions());
    }

    @Test
    void anUnknownFunctionIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> FunctionSpec.fromTemplate(TEMPLATE, "NoSuchFunction"));
        assertEquals(true, e.getMessage().contains("NoSuchFunction"));
    }
}
