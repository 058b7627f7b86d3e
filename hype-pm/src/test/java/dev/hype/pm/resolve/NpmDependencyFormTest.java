package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.semver.Version;
import org.junit.jupiter.api.Test;

class NpmDependencyFormTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void publishRangeStringsWhereNpmReadsThemAndTheObjectsUnderHype() throws Exception {
        ObjectNode manifest = doc("{'name':'web','version':'1.0.0','dependencies':{'log':{'version':'^1.0.0',"
            + "'features':['json'],'default-features':false},'plain':'~3.1.0'},"
            + "'devDependencies':{'t':{'version':'^0.2.0','features':['x']}},"
            + "'optionalDependencies':{'fmt':'^2.0.0'}}");

        ObjectNode npm = NpmDependencyForm.toNpm(manifest);

        assertThat(npm.path("dependencies").toString()).isEqualTo(doc("{'log':'^1.0.0','plain':'~3.1.0'}").toString());
        assertThat(npm.path("devDependencies").toString()).isEqualTo(doc("{'t':'^0.2.0'}").toString());
        assertThat(npm.path("optionalDependencies").toString()).isEqualTo(doc("{'fmt':'^2.0.0'}").toString());
        assertThat(npm.path("hype").path("dependencies").path("log")).isEqualTo(manifest.path("dependencies").path("log"));
        assertThat(npm.path("hype").has("optionalDependencies")).isFalse();
        assertThat(manifest.path("dependencies").path("log").isObject()).as("the input is not changed").isTrue();
        for (String section : NpmDependencyForm.SECTIONS) {
            assertThat(NpmDependencyForm.section(npm, section)).as(section).isEqualTo(manifest.path(section));
        }
    }

    @Test
    void leaveADocumentWithoutObjectsAsItIs() throws Exception {
        ObjectNode plain = doc("{'name':'a','version':'1.0.0','dependencies':{'b':'^1'}}");

        assertThat(NpmDependencyForm.toNpm(plain)).isEqualTo(plain);
        assertThat(NpmDependencyForm.section(plain, "dependencies")).isEqualTo(plain.path("dependencies"));
        assertThat(NpmDependencyForm.section(plain, "devDependencies").isMissingNode()).isTrue();
    }

    @Test
    void readTheResolversViewOfBothFormsAlike() throws Exception {
        String older = "{'name':'web','version':'1.0.0','dependencies':{'log':{'version':'^1.0.0','features':['json']},"
            + "'fmt':{'version':'^2.0.0','optional':true}},'features':{'pretty':['fmt']}}";
        ObjectNode published = doc(older);

        Dependencies asPublished = PublishedDependencies.read(published);
        Dependencies npmForm = PublishedDependencies.read(NpmDependencyForm.toNpm(published));

        assertThat(npmForm).isEqualTo(asPublished);
        assertThat(npmForm.optional()).containsOnlyKeys("fmt");
        assertThat(npmForm.required().get("log").contains(Version.parse("1.4.0"))).isTrue();
    }

    @Test
    void ignoreObjectsForNamesTheNpmSectionDoesNotList() throws Exception {
        JsonNode sneaky = doc("{'dependencies':{'a':'^1.0.0'},'hype':{'dependencies':{'b':{'version':'^1.0.0'}}}}");

        assertThat(NpmDependencyForm.section(sneaky, "dependencies").properties()).hasSize(1);
        assertThat(PublishedDependencies.read(sneaky).required()).containsOnlyKeys("a");
    }
}
