package io.execgate.adapter.http

import spock.lang.Specification

/** One path segment, RFC 3986 unreserved characters kept, everything else percent-encoded as UTF-8. */
class PathSegmentSpec extends Specification {

    def "'#value' is encoded as '#encoded'"() {
        expect:
        PathSegment.encode(value) == encoded

        where:
        value                                 || encoded
        'wr_123'                              || 'wr_123'
        'AZaz09-._~'                          || 'AZaz09-._~'
        'a/b'                                 || 'a%2Fb'
        'a+b'                                 || 'a%2Bb'
        'a b'                                 || 'a%20b'
        '..'                                  || '..'
        '%2F'                                 || '%252F'
        "!#\$&'()*+,/:;=?@[]"                 || '%21%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D'
        'é'                                   || '%C3%A9'
        '😀'                                  || '%F0%9F%98%80'
        '\u0000\u007F'                        || '%00%7F'
    }
}
