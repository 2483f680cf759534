package io.masthead.endpoint;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** S3Proxy and Jetty log every request at DEBUG unless told otherwise; only problems matter here. */
final class QuietLogging {
    private QuietLogging() {
    }

    static void apply() {
        for (String name : new String[] {"org.gaul", "org.eclipse.jetty", "io.opentelemetry", "software.amazon.awssdk"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger && logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
