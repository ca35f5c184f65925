package io.execgate.drift;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of each JSON pointer in a YAML or JSON file, from the parser's token
 * locations: where a code-scanning annotation goes. swagger-parser's model keeps no positions.
 */
final class SourceLocations {
    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    private final Map<String, Position> positions;

    private SourceLocations(Map<String, Position> positions) {
        this.positions = positions;
    }

    /** The file's positions; none when it cannot be read again (the report still names the file). */
    static SourceLocations of(String file) {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser parser = SpecDocument.YAML.getFactory().createParser(Files.readString(Path.of(file)))) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.FIELD_NAME) {
                    // a member is shown at its key
                    put(positions, context.pathAsPointer().toString(), parser.currentTokenLocation());
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    JsonStreamContext parent = context.getParent();
                    if (parent == null || parent.inRoot()) {
                        put(positions, "", parser.currentTokenLocation());
                    } else if (parent.inArray()) {
                        put(positions, parent.pathAsPointer().toString(), parser.currentTokenLocation());
                    }
                } else if (token.isScalarValue() && context.inArray()) {
                    put(positions, context.pathAsPointer().toString(), parser.currentTokenLocation());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return new SourceLocations(Map.of());
        }
        return new SourceLocations(positions);
    }

    private static void put(Map<String, Position> positions, String pointer, JsonLocation location) {
        if (location.getLineNr() > 0) {
            positions.putIfAbsent(pointer, new Position(location.getLineNr(), Math.max(1, location.getColumnNr())));
        }
    }

    /** Where the pointer is, or its nearest ancestor the file has (something removed is shown where it was held). */
    Position at(String pointer) {
        String at = pointer;
        while (true) {
            Position position = positions.get(at);
            if (position != null || at.isEmpty()) {
                return position;
            }
            at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
        }
    }
}
