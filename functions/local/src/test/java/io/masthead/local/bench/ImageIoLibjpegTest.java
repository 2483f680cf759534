package io.masthead.local.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageIoLibjpegTest {

    @Test
    void namesTheSystemLibjpegOrTheJdksOwnCopyFromTheMappedLibraries() {
        String javajpeg = "7f1c2a400000-7f1c2a40a000 r-xp 00002000 fd:01 1049 /usr/lib/jvm/jdk/lib/libjavajpeg.so";
        String system = "7f1c2a200000-7f1c2a26f000 r-xp 00004000 fd:01 2231 /usr/lib/x86_64-linux-gnu/libjpeg.so.62.3.0";
        String other = "7f1c2a000000-7f1c2a020000 r-xp 00000000 fd:01 77 /usr/lib/x86_64-linux-gnu/libjpeg-extra.so.1";
        assertEquals("system /usr/lib/x86_64-linux-gnu/libjpeg.so.62.3.0",
                ImageIoLibjpeg.describe(List.of(javajpeg, "7fff0000-7fff1000 rw-p 00000000 00:00 0 [stack]", system)));
        assertEquals("bundled libjpeg 6b in /usr/lib/jvm/jdk/lib/libjavajpeg.so", ImageIoLibjpeg.describe(List.of(other, javajpeg)));
        assertEquals("unknown", ImageIoLibjpeg.describe(List.of("7fff0000-7fff1000 rw-p 00000000 00:00 0 [heap]", other)));
    }
}
