package dev.hype.pm.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Locate, by character offset, the top-level members of a JSON object and the members of one nested object.
 *
 * @param rootStart offset of the root's {@code &#123;}
 * @param rootEnd offset of the root's {@code &#125;}
 * @param members the root's members in order
 * @param section the members of the requested section, or {@code null} if it is absent or not an object
 * @param sectionMember the root member holding the section (even if not an object), or {@code null} if absent
 * @param sectionEnd offset of the section's closing brace, or -1
 */
record JsonLayout(int rootStart, int rootEnd, List<Member> members, List<Member> section, Member sectionMember,
                  int sectionEnd) {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** One {@code "key": value} pair and where its parts start and end. */
    record Member(String key, int keyStart, int valueStart, int valueEnd) {
    }

    static JsonLayout scan(String text, String sectionKey) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the manifest is not a JSON object");
            }
            int rootStart = offset(parser);
            List<Member> members = new ArrayList<>();
            List<Member> section = null;
            Member sectionMember = null;
            int sectionEnd = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyStart = offset(parser);
                JsonToken value = parser.nextToken();
                int valueStart = offset(parser);
                if (key.equals(sectionKey) && value == JsonToken.START_OBJECT) {
                    section = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        int nameStart = offset(parser);
                        parser.nextToken();
                        int start = offset(parser);
                        section.add(new Member(name, nameStart, start, valueEnd(parser)));
                    }
                    sectionEnd = offset(parser);
                    sectionMember = new Member(key, keyStart, valueStart, sectionEnd + 1);
                    members.add(sectionMember);
                } else {
                    Member member = new Member(key, keyStart, valueStart, valueEnd(parser));
                    members.add(member);
                    if (key.equals(sectionKey)) {
                        sectionMember = member;
                    }
                }
            }
            return new JsonLayout(rootStart, offset(parser), members, section, sectionMember, sectionEnd);
        }
    }

    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getCharOffset();
    }

    private static int valueEnd(JsonParser parser) throws IOException {
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
            return offset(parser) + 1;
        }
        parser.getText();
        return (int) parser.currentLocation().getCharOffset();
    }
}
