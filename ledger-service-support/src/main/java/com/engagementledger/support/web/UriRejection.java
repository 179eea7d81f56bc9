package com.engagementledger.support.web;

/** What a client is told when its request URI is refused before routing, whoever refused it. */
final class UriRejection {
    static final String DETAIL = "the request URI is refused: it holds a control character, an encoded NUL, slash, "
            + "backslash or percent sign, a dot segment, '//' or ';'";

    private UriRejection() {
    }
}
