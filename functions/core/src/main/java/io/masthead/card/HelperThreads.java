package io.masthead.card;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that let one render use a second core: the decoder's second half and the text
 * set while the photo decodes. One pool per JVM; daemon threads, so they never keep it alive,
 * and idle ones end after a minute.
 */
final class HelperThreads {
    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "card-helper");
        t.setDaemon(true);
        return t;
    });

    private HelperThreads() {
    }
}
