package org.negotiationledger.api.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an import as they arrive: one at a time, never the file. Lines are numbered from 1 as an editor
 * numbers them (blank ones count, and are skipped); a line ends at {@code \n} or {@code \r\n}. A line longer
 * than a command's body may be is refused rather than held, so a batch of lines is all a reader ever holds.
 */
final class ImportLines {

    /** A line of the file: its number and its text. */
    record Line(int number, String text) {}

    /** A line that cannot be read: its number and why. */
    static final class Unreadable extends Exception {
        private final int line;
        private final Kind kind;

        enum Kind {
            TOO_LONG,
            NOT_UTF8,
            BODY
        }

        Unreadable(int line, Kind kind, String message, Throwable cause) {
            super(message, cause, false, false);
            this.line = line;
            this.kind = kind;
        }

        int line() {
            return line;
        }

        Kind kind() {
            return kind;
        }
    }

    private final InputStream in;
    /** Strict: the file's bytes are read as UTF-8 or refused, as an HTTP body is. */
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int end;
    private boolean finished;
    private byte[] line = new byte[1024];
    private int length;
    /** The number of the line being read. */
    private int number;

    ImportLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line that is not blank, or null at the end of the file.
     *
     * @throws Unreadable when the line is longer than the limit or not UTF-8 (the reader has passed it, and can
     *     go on), or the body itself failed (it cannot)
     */
    Line next() throws Unreadable {
        while (true) {
            if (!fill(number + 1)) {
                return null;
            }
            number++;
            length = 0;
            boolean tooLong = false;
            boolean ended = false;
            while (!ended && fill(number)) {
                int from = position;
                int newline = from;
                while (newline < end && buffer[newline] != '\n') {
                    newline++;
                }
                ended = newline < end;
                int taken = newline - from;
                if (!tooLong && length + taken > maxLineBytes + 1) {
                    tooLong = true;
                }
                if (!tooLong) {
                    append(from, taken);
                }
                position = ended ? newline + 1 : newline;
            }
            if (length > 0 && line[length - 1] == '\r' && ended) {
                length--;
            }
            if (tooLong || length > maxLineBytes) {
                throw new Unreadable(
                        number,
                        Unreadable.Kind.TOO_LONG,
                        "line " + number + " is longer than " + maxLineBytes
                                + " bytes, the most a command's body may be",
                        null);
            }
            if (length == 0) {
                continue; // the common blank line, without decoding it
            }
            String text = decode();
            if (!text.isBlank()) {
                return new Line(number, text);
            }
        }
    }

    /** The lines not yet read that are not blank, reading to the end; those that cannot be read count too. */
    int countRest() {
        int count = 0;
        while (true) {
            try {
                if (next() == null) {
                    return count;
                }
                count++;
            } catch (Unreadable unreadable) {
                if (unreadable.kind() == Unreadable.Kind.BODY) {
                    return count;
                }
                count++;
            }
        }
    }

    /** Whether bytes are left; reads more when the buffer is spent, while reading line {@code reading}. */
    private boolean fill(int reading) throws Unreadable {
        if (position < end) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                finished = true;
                return false;
            }
            position = 0;
            end = n;
            return true;
        } catch (IOException failed) {
            finished = true;
            throw new Unreadable(reading, Unreadable.Kind.BODY, failed.getMessage(), failed);
        }
    }

    private void append(int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private String decode() throws Unreadable {
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException malformed) {
            throw new Unreadable(
                    number, Unreadable.Kind.NOT_UTF8, "line " + number + " is not well-formed UTF-8", malformed);
        }
    }
}
