package io.masthead.local;

import io.masthead.endpoint.ObjectChange;
import io.masthead.endpoint.ObjectChangeListener;
import io.masthead.local.lambda.AsyncInvoker;
import io.masthead.local.lambda.EventJson;
import io.masthead.local.lambda.LocalFunction;
import io.masthead.local.sqs.LocalQueue;
import io.masthead.local.template.QueueNotification;
import io.masthead.local.template.S3Trigger;

import java.util.List;

/**
 * The bucket's notification configuration, locally: every object change goes, as an S3 event
 * notification, to each function whose S3 event matches it (asynchronous invocation) and to
 * each queue whose notification matches it.
 */
final class TriggerRouter implements ObjectChangeListener {
    record FunctionRoute(S3Trigger trigger, LocalFunction function) {
    }

    record QueueRoute(QueueNotification notification, LocalQueue queue) {
    }

    private final String bucket;
    private final List<FunctionRoute> functionRoutes;
    private final List<QueueRoute> queueRoutes;
    private final AsyncInvoker invoker;

    TriggerRouter(String bucket, List<FunctionRoute> functionRoutes, List<QueueRoute> queueRoutes, AsyncInvoker invoker) {
        this.bucket = bucket;
        this.functionRoutes = List.copyOf(functionRoutes);
        this.queueRoutes = List.copyOf(queueRoutes);
        this.invoker = invoker;
    }

    List<FunctionRoute> functionRoutes() {
        return functionRoutes;
    }

    List<QueueRoute> queueRoutes() {
        return queueRoutes;
    }

    @Override
    public void objectChanged(ObjectChange change) {
        if (!change.bucket().equals(bucket)) {
            return;
        }
        for (FunctionRoute route : functionRoutes) {
            if (route.trigger().matches(change.eventName(), change.key())) {
                invoker.invoke(route.function(), EventJson.s3Notification(change, route.trigger().name()),
                        change.key() + " " + change.eventName());
            }
        }
        for (QueueRoute route : queueRoutes) {
            if (route.notification().matches(change.eventName(), change.key())) {
                route.queue().send(EventJson.s3Notification(change, route.notification().id()));
            }
        }
    }
}
