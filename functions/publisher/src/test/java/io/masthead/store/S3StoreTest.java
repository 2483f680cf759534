package io.masthead.store;

import io.masthead.endpoint.TestEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3StoreTest {
    @RegisterExtension
    static final TestEndpoint S3 = new TestEndpoint("store-test");

    @Test
    void aReadWithALimitGivesTheWholeObjectOrRefusesItFromItsSize() {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("photos/p.jpg").contentType("image/jpeg"), RequestBody.fromBytes(bytes));
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("photos/empty.jpg"), RequestBody.fromBytes(new byte[0]));
        S3Store store = new S3Store(S3.client(), S3.bucket());

        StoredObject whole = store.get("photos/p.jpg", bytes.length).orElseThrow();
        assertArrayEquals(bytes, whole.bytes());
        assertEquals("image/jpeg", whole.contentType());
        assertEquals(store.get("photos/p.jpg").orElseThrow().etag(), whole.etag());

        S3Store.TooLarge refused = assertThrows(S3Store.TooLarge.class, () -> store.get("photos/p.jpg", bytes.length - 1));
        assertEquals(bytes.length, refused.size());
        assertTrue(refused.getMessage().contains("photos/p.jpg is 300000 bytes"), refused.getMessage());

        assertEquals(0, store.get("photos/empty.jpg", 0).orElseThrow().bytes().length);
        assertTrue(store.get("photos/none.jpg", 10).isEmpty());
        // the connection of the refused read was closed, not left half-read: the next reads work
        for (int i = 0; i < 8; i++) assertTrue(Arrays.equals(bytes, store.get("photos/p.jpg", bytes.length).orElseThrow().bytes()));
    }
}
