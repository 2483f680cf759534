package io.masthead.local.bench;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a JPEG is progressive: its frame header is SOF2 (or another progressive SOF). */
final class JpegKind {
    private JpegKind() {
    }

    static boolean isProgressive(Path jpeg) throws IOException {
        try (InputStream raw = Files.newInputStream(jpeg); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readUnsignedShort() != 0xFFD8) return false;
            while (true) {
                int marker = in.readUnsignedShort();
                while ((marker & 0xFF) == 0xFF) marker = (marker << 8 | in.readUnsignedByte()) & 0xFFFF; // fill bytes
                if (marker == 0xFFDA || marker == 0xFFD9) return false; // scan data before any frame header
                int length = in.readUnsignedShort();
                if (marker == 0xFFC2 || marker == 0xFFC6 || marker == 0xFFCA || marker == 0xFFCE) return true;
                if (marker >= 0xFFC0 && marker <= 0xFFCF && marker != 0xFFC4 && marker != 0xFFC8 && marker != 0xFFCC) return false;
                in.skipNBytes(length - 2);
            }
        } catch (EOFException e) {
            return false;
        }
    }
}
