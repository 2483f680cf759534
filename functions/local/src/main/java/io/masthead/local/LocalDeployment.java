package io.masthead.local;

import io.masthead.endpoint.EndpointOptions;
import io.masthead.endpoint.Route;
import io.masthead.endpoint.S3Endpoint;
import io.masthead.local.lambda.Activity;
import io.masthead.local.lambda.AsyncInvoker;
import io.masthead.local.lambda.Invocation;
import io.masthead.local.lambda.InvocationLog;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.sqs.EventSourceMapping;
import io.masthead.local.sqs.LocalQueue;
import io.masthead.local.sqs.QueueMessage;
import io.masthead.local.template.FunctionSpec;
import io.masthead.local.template.QueueNotification;
import io.masthead.local.template.QueueSpec;
import io.masthead.local.template.S3Trigger;
import io.masthead.local.template.SamTemplate;
import io.masthead.local.template.SqsTrigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template, running on this machine: the embedded S3 endpoint serving the bucket, every
 * function of {@code template.yaml} with its environment, the bucket's S3 events wired to the
 * functions (asynchronous invocation with retries) and to the queues, and each SQS event source
 * mapping polling its queue. Built from the template alone, so local wiring follows the
 * deployment.
 */
public final class LocalDeployment implements AutoCloseable {
    private final LocalOptions options;
    private final SamTemplate template;
    private final S3Endpoint endpoint;
    private final Activity activity = new Activity();
    private final InvocationLog log;
    private final AsyncInvoker invoker;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, LocalQueue> queues = new LinkedHashMap<>();
    private final List<EventSourceMapping> mappings = new ArrayList<>();
    private final TriggerRouter router;

    private LocalDeployment(LocalOptions options, List<Route> routes) {
        this.options = options;
        Map<String, String> parameters = new HashMap<>(options.parameters());
        parameters.put("BucketName", options.bucket());
        this.template = SamTemplate.read(options.template(), parameters);
        this.log = new InvocationLog(options.out(), options.verbose());
        this.endpoint = S3Endpoint.start(new EndpointOptions(options.port(), options.bucket(), options.dataDir()), routes);
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (FunctionSpec spec : template.functions()) {
                LocalFunction function = new LocalFunction(spec, environmentFor(spec), loader);
                function.problem().ifPresent(p -> log.note("WARNING " + spec.logicalId() + " cannot run: " + p));
                functions.put(spec.logicalId(), function);
            }
            createQueues();
            this.invoker = new AsyncInvoker(options.asyncConcurrency(), activity, log, options.retryDelay());
            List<TriggerRouter.FunctionRoute> functionRoutes = new ArrayList<>();
            for (LocalFunction function : functions.values()) {
                for (S3Trigger trigger : function.spec().s3Triggers()) {
                    functionRoutes.add(new TriggerRouter.FunctionRoute(trigger, function));
                }
                for (SqsTrigger trigger : function.spec().sqsTriggers()) {
                    LocalQueue queue = queues.get(trigger.queue());
                    if (queue == null) {
                        throw new IllegalStateException(function.name() + " polls " + trigger.queue()
                                + ", which template.yaml does not declare as a queue");
                    }
                    Integer reserved = function.spec().reservedConcurrency();
                    mappings.add(new EventSourceMapping(function, trigger, queue, log, options.redeliveryDelay(),
                            reserved == null ? 1 : reserved, activity).start());
                }
            }
            List<TriggerRouter.QueueRoute> queueRoutes = new ArrayList<>();
            for (QueueNotification notification : template.queueNotifications()) {
                LocalQueue queue = queues.get(notification.queue());
                if (queue == null) {
                    throw new IllegalStateException("the bucket notifies " + notification.queue()
                            + ", which template.yaml does not declare as a queue");
                }
                queueRoutes.add(new TriggerRouter.QueueRoute(notification, queue));
            }
            this.router = new TriggerRouter(options.bucket(), functionRoutes, queueRoutes, invoker);
            endpoint.addListener(router);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalDeployment start(LocalOptions options) {
        return new LocalDeployment(options, List.of());
    }

    /** Starts with extra pages on the endpoint's port (e.g. a preview under {@code /_preview/}). */
    public static LocalDeployment start(LocalOptions options, List<Route> routes) {
        return new LocalDeployment(options, routes);
    }

    private void createQueues() {
        // Dead-letter queues first: the queues that redrive into them need them.
        for (QueueSpec spec : template.queues().values()) {
            boolean isDeadLetterQueue = template.queues().values().stream()
                    .anyMatch(q -> spec.logicalId().equals(q.deadLetterQueue()));
            if (isDeadLetterQueue) {
                queues.put(spec.logicalId(), new LocalQueue(spec.logicalId(), 0, null, options.redeliveryDelay(),
                        null, log::note));
            }
        }
        for (QueueSpec spec : template.queues().values()) {
            if (!queues.containsKey(spec.logicalId())) {
                LocalQueue deadLetter = spec.hasDeadLetterQueue() ? queues.get(spec.deadLetterQueue()) : null;
                queues.put(spec.logicalId(), new LocalQueue(spec.logicalId(), spec.maxReceiveCount(), deadLetter,
                        options.redeliveryDelay(), activity, log::note));
            }
        }
    }

    /**
     * The function's environment from the template, plus what Lambda and the local endpoint
     * provide: endpoint, region, bucket, and the endpoint's bucket URL as the public base URL
     * unless a PublicBaseUrl parameter was given.
     */
    private Map<String, String> environmentFor(FunctionSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.putAll(endpoint.clientEnvironment());
        env.put("AWS_DEFAULT_REGION", S3Endpoint.REGION.id());
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("BUCKET_NAME", options.bucket());
        if (!options.parameters().containsKey("PublicBaseUrl")) {
            env.put("PUBLIC_BASE_URL", endpoint.bucketUrl());
        }
        return env;
    }

    public S3Endpoint endpoint() {
        return endpoint;
    }

    public SamTemplate template() {
        return template;
    }

    public InvocationLog log() {
        return log;
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    /** Waits until every invocation, retry and queue message has settled; false on timeout. */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        return activity.awaitIdle(timeout);
    }

    public int pendingWork() {
        return activity.pending();
    }

    public List<Invocation> invocations() {
        return log.invocations();
    }

    /** Asynchronous invocations that failed every attempt. */
    public List<Invocation> failedEvents() {
        return invoker == null ? List.of() : invoker.failures();
    }

    /** Messages that ended in a dead-letter queue, by queue. */
    public Map<String, List<QueueMessage>> deadLetters() {
        Map<String, List<QueueMessage>> dead = new LinkedHashMap<>();
        for (QueueSpec spec : template.queues().values()) {
            if (spec.hasDeadLetterQueue()) {
                dead.put(spec.deadLetterQueue(), queues.get(spec.deadLetterQueue()).messages());
            }
        }
        return dead;
    }

    /** What is wired to what, as read from the template. */
    public Wiring wiring() {
        List<Wiring.S3Route> s3 = router.functionRoutes().stream()
                .map(r -> new Wiring.S3Route(r.function().name(), r.trigger().events().types(),
                        r.trigger().filter().prefix(), r.trigger().filter().suffix()))
                .toList();
        List<Wiring.QueueRoute> notifications = router.queueRoutes().stream()
                .map(r -> new Wiring.QueueRoute(r.queue().name(), r.notification().events().types(),
                        r.notification().filter().prefix(), r.notification().filter().suffix()))
                .toList();
        List<Wiring.QueuePoller> pollers = mappings.stream()
                .map(m -> {
                    QueueSpec queue = template.queues().get(m.queue().name());
                    return new Wiring.QueuePoller(m.queue().name(), m.function().name(), m.trigger().batchSize(),
                            m.trigger().maximumBatchingWindowSeconds(), m.trigger().reportBatchItemFailures(),
                            queue.maxReceiveCount(), queue.deadLetterQueue());
                })
                .toList();
        return new Wiring(s3, notifications, pollers);
    }

    /** Stops the pollers and the invoker (letting running invocations finish briefly), then the endpoint. */
    @Override
    public void close() {
        if (router != null) {
            endpoint.removeListener(router);
        }
        mappings.forEach(EventSourceMapping::close);
        if (invoker != null) {
            invoker.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
