package io.execgate.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.execgate.adapter.http.VendorEndpoint;
import org.yaml.snakeyaml.LoaderOptions;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenAPI 3.0 or 3.1 document, parsed by swagger-parser with {@code $ref}s kept (so every
 * finding can point into the file as written), plus its plain JSON tree for the generic diff.
 */
final class SpecDocument {
    /** Published documents run to megabytes (3.6 MB seen); SnakeYAML's default stops at 3 MB. */
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build());

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    final String name;
    final OpenAPI api;
    final JsonNode tree;

    private SpecDocument(String name, OpenAPI api, JsonNode tree) {
        this.name = name;
        this.api = api;
        this.tree = tree;
    }

    /** A YAML or JSON file (JSON is YAML), or a URL's document, as a tree; each way it can fail said in words. */
    static JsonNode readTree(String file) throws UnreadableSpec {
        try {
            return YAML.readTree(RemoteDocument.isUrl(file) ? RemoteDocument.fetch(file) : Files.readString(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new UnreadableSpec(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new UnreadableSpec(file + ": not YAML or JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UnreadableSpec(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads a YAML or JSON document (JSON is YAML), from a file or a URL. */
    static SpecDocument read(String file) throws UnreadableSpec {
        JsonNode tree = readTree(file);
        if (tree == null || !tree.isObject() || !tree.path("openapi").asText().startsWith("3.")) {
            throw new UnreadableSpec(file + ": not an OpenAPI 3.0 or 3.1 document (no 'openapi: 3.x')");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        // the tree read above, not the text again: one parse of a document of several MB
        SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(file, tree, options);
        if (result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
            throw new UnreadableSpec(file + ": not a usable OpenAPI document"
                    + (result.getMessages() == null || result.getMessages().isEmpty() ? "" : " (" + String.join("; ", result.getMessages()) + ")"));
        }
        return new SpecDocument(file, result.getOpenAPI(), tree);
    }

    /** The operation an adapter endpoint calls; path parameters match whatever they are named. */
    Optional<OperationView> operation(VendorEndpoint endpoint) {
        String method = endpoint.method().toLowerCase(Locale.ROOT);
        String wanted = shape(endpoint.pathTemplate());
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            if (shape(path.getKey()).equals(wanted)) {
                Operation operation = path.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                if (operation != null) {
                    return Optional.of(new OperationView(path.getKey(), method, path.getValue(), operation));
                }
            }
        }
        return Optional.empty();
    }

    private static String shape(String template) {
        return template.replaceAll("\\{[^}/]*}", "{}");
    }

    SchemaView schema(Schema<?> schema, String pointer) {
        return new SchemaView(this, schema, pointer, null).resolved();
    }

    /** The JSON body schema of a response, or null when it has none. */
    SchemaView jsonBody(ApiResponse response, String pointer) {
        return response == null ? null : jsonBody(response.getContent(), pointer);
    }

    /** The JSON schema of a response's or request body's content, or null when it has none. */
    SchemaView jsonBody(Content content, String pointer) {
        if (content == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            if (media.getKey().toLowerCase(Locale.ROOT).contains("json") && media.getValue().getSchema() != null) {
                return schema(media.getValue().getSchema(), pointer + "/content/" + Pointer.escape(media.getKey()) + "/schema");
            }
        }
        return null;
    }

    ApiResponse response(ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : component(api.getComponents() == null ? null : api.getComponents().getResponses(), ref, response);
    }

    Parameter parameter(Parameter parameter) {
        String ref = parameter.get$ref();
        return ref == null ? parameter : component(api.getComponents() == null ? null : api.getComponents().getParameters(), ref, parameter);
    }

    RequestBody requestBody(RequestBody body) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        return component(api.getComponents() == null ? null : api.getComponents().getRequestBodies(), body.get$ref(), body);
    }

    SecurityScheme securityScheme(String name) {
        return api.getComponents() == null || api.getComponents().getSecuritySchemes() == null ? null
                : api.getComponents().getSecuritySchemes().get(name);
    }

    /** A named schema under {@code #/components/schemas}, or null for any other reference. */
    Schema<?> componentSchema(String ref) {
        if (ref == null || !ref.startsWith("#/components/schemas/") || api.getComponents() == null
                || api.getComponents().getSchemas() == null) {
            return null;
        }
        return api.getComponents().getSchemas().get(Pointer.unescape(ref.substring("#/components/schemas/".length())));
    }

    private static <T> T component(Map<String, T> components, String ref, T unresolved) {
        if (components == null) {
            return unresolved;
        }
        T found = components.get(Pointer.unescape(ref.substring(ref.lastIndexOf('/') + 1)));
        return found == null ? unresolved : found;
    }

    /** An operation with where it is in the document. */
    record OperationView(String path, String method, PathItem item, Operation operation) {
        String pointer() {
            return "/paths/" + Pointer.escape(path) + "/" + method;
        }

        String label() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }
}
