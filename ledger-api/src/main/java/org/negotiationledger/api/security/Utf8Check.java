package org.negotiationledger.api.security;

import org.negotiationledger.api.problem.MalformedBodyException;

/**
 * Checks bytes, as they are read, against the well-formed UTF-8 of the Unicode Standard (Table 3-7): no
 * overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short. Jackson's decoder is lenient
 * with some of these (it reads the overlong {@code C0 AF} as {@code /}), so a body is checked before it is
 * parsed; text that two decoders would read differently has no place in a record meant to be disputed.
 */
final class Utf8Check {

    private long offset;
    /** Continuation bytes still expected, and the range the next one must fall in. */
    private int pending;

    private int low = 0x80;
    private int high = 0xBF;

    void accept(byte[] bytes, int from, int length) throws MalformedBodyException {
        for (int i = from; i < from + length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    void accept(int b) throws MalformedBodyException {
        if (pending > 0) {
            if (b < low || b > high) {
                throw malformed();
            }
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw malformed();
            }
        }
        offset++;
    }

    void end() throws MalformedBodyException {
        if (pending > 0) {
            throw new MalformedBodyException("the body is not well-formed UTF-8: it ends inside a character");
        }
    }

    private MalformedBodyException malformed() {
        return new MalformedBodyException("the body is not well-formed UTF-8 (byte " + offset
                + " is overlong, a surrogate, beyond U+10FFFF or out of sequence)");
    }
}
