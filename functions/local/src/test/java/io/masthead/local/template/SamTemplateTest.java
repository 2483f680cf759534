package io.masthead.local.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading SAM templates: short and long intrinsic forms, Globals, events, policies, redrive. */
class SamTemplateTest {
    @TempDir
    Path dir;

    private SamTemplate read(String yaml, Map<String, String> parameters) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, yaml);
        return SamTemplate.read(file, parameters);
    }

    private static final String TEMPLATE = """
            Parameters:
              BucketName: {Type: String}
              Site: {Type: String, Default: Example}
            Globals:
              Function:
                MemorySize: 1024
                Environment:
                  Variables:
                    SITE: !Ref Site
                    SHARED: global
            Resources:
              Store:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Ref BucketName
                  NotificationConfiguration:
                    QueueConfigurations:
                      - Event: s3:ObjectRemoved:*
                        Queue: {"Fn::GetAtt": [Work, Arn]}
                        Filter: {S3Key: {Rules: [{Name: prefix, Value: done/}]}}
              Work:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Dead.Arn
                    maxReceiveCount: 3
              Dead:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: example.Handler::handle
                  Timeout: 9
                  Environment:
                    Variables:
                      SHARED: own
                      BUCKET_ARN: !Sub "arn:${AWS::Partition}:s3:::${BucketName}"
                      QUEUE: !GetAtt Work.Arn
                      STORE: {Ref: Store}
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: [s3:GetObject]
                          Resource: !Sub arn:${AWS::Partition}:s3:::${BucketName}/in/*
                        - Effect: Allow
                          Action: s3:PutObject
                          Resource:
                            - !Sub arn:${AWS::Partition}:s3:::${BucketName}/out/*
                  Events:
                    Uploaded:
                      Type: S3
                      Properties:
                        Bucket: !Ref Store
                        Events: [s3:ObjectCreated:Put, s3:ObjectCreated:Copy]
                        Filter: {S3Key: {Rules: [{Name: prefix, Value: in/}, {Name: suffix, Value: .txt}]}}
                    Done:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Work.Arn
            """;

    @Test
    void resolvesIntrinsicsInBothForms() throws IOException {
        SamTemplate t = read(TEMPLATE, Map.of("BucketName", "bkt"));
        FunctionSpec f = t.function("Fn");
        assertEquals("Example", f.environment().get("SITE"));
        assertEquals("own", f.environment().get("SHARED"), "a function's own variable wins over Globals");
        assertEquals("arn:aws:s3:::bkt", f.environment().get("BUCKET_ARN"));
        assertEquals("arn:aws:sqs:us-east-1:000000000000:Work", f.environment().get("QUEUE"));
        assertEquals("bkt", f.environment().get("STORE"), "Ref of a bucket is its name");
        assertEquals(1024, f.memoryMb());
        assertEquals(9, f.timeoutSeconds());
        assertNull(f.reservedConcurrency());
        assertEquals("example.Handler", f.handlerClass());
        assertEquals("handle", f.handlerMethod());
    }

    @Test
    void readsEventsPoliciesAndQueues() throws IOException {
        SamTemplate t = read(TEMPLATE, Map.of("BucketName", "bkt"));
        FunctionSpec f = t.function("Fn");
        assertEquals(List.of("out/"), f.writePrefixes(), "GetObject is not a write");

        S3Trigger uploaded = f.s3Triggers().get(0);
        assertTrue(uploaded.matches("ObjectCreated:Put", "in/a.txt"));
        assertTrue(uploaded.matches("ObjectCreated:Copy", "in/a.txt"));
        assertFalse(uploaded.matches("ObjectCreated:CompleteMultipartUpload", "in/a.txt"), "not a subscribed type");
        assertFalse(uploaded.matches("ObjectCreated:Put", "in/a.json"), "suffix");
        assertFalse(uploaded.matches("ObjectCreated:Put", "other/a.txt"), "prefix");

        SqsTrigger done = f.sqsTriggers().get(0);
        assertEquals("Work", done.queue());
        assertEquals(10, done.batchSize(), "SQS event source default");
        assertEquals(0, done.maximumBatchingWindowSeconds());
        assertFalse(done.reportBatchItemFailures());

        QueueNotification n = t.queueNotifications().get(0);
        assertEquals("Work", n.queue());
        assertTrue(n.matches("ObjectRemoved:Delete", "done/x"));
        assertFalse(n.matches("ObjectCreated:Put", "done/x"));
        assertEquals(new QueueSpec("Work", 30, 3, "Dead"), t.queues().get("Work"));
        assertFalse(t.queues().get("Dead").hasDeadLetterQueue());
        assertEquals("Store", t.bucketLogicalId());
        assertEquals(List.of(new KeyFilter("in/", ".txt"), new KeyFilter("done/", "")), t.triggerFilters(f));
    }

    @Test
    void refusesWhatItCannotEmulate() throws IOException {
        String withApi = TEMPLATE.replace("Type: SQS", "Type: Api");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(withApi, Map.of("BucketName", "bkt")));
        assertTrue(e.getMessage().contains("Api"), e.getMessage());
    }

    @Test
    void keyFilterMatchesPrefixAndSuffix() {
        KeyFilter f = new KeyFilter("items/", ".json");
        assertTrue(f.matches("items/a.json"));
        assertFalse(f.matches("items/sources/x.slug"));
        assertTrue(KeyFilter.ANY.matches("anything"));
    }
}
