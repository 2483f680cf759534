package io.masthead.store;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Which credentials provider a client for AWS gets in which Lambda environment. */
class S3ClientsTest {

    @Test
    void snapStartFunctionsUseTheContainerCredentialsEndpoint() {
        assertInstanceOf(ContainerCredentialsProvider.class, S3Clients.awsCredentials(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token")));
    }

    @Test
    void theContainerEndpointWinsOverAnAccessKeyInTheEnvironment() {
        assertInstanceOf(ContainerCredentialsProvider.class, S3Clients.awsCredentials(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret")));
    }

    @Test
    void onDemandFunctionsUseTheAccessKeyInTheEnvironment() {
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class, S3Clients.awsCredentials(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "session")));
    }

    @Test
    void anIncompleteOrBlankAccessKeyFallsBackToTheDefaultChain() {
        assertInstanceOf(DefaultCredentialsProvider.class, S3Clients.awsCredentials(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")));
        assertInstanceOf(DefaultCredentialsProvider.class, S3Clients.awsCredentials(Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", " ", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "")));
    }

    @Test
    void anythingElseUsesTheDefaultChain() {
        assertInstanceOf(DefaultCredentialsProvider.class, S3Clients.awsCredentials(Map.of("AWS_REGION", "eu-west-1")));
    }
}
