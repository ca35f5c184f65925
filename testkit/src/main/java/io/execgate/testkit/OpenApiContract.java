package io.execgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.*;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.*;
import com.networknt.schema.dialect.*;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.*;

/**
 * Validates HTTP requests and answers against an OpenAPI 3.0 or 3.1 document, with networknt's
 * json-schema-validator and its OpenAPI dialects. Atlassian's swagger-request-validator was tried
 * first: 2.46 ignores 3.1 {@code anyOf}/{@code type: 'null'} (a bogus status in a nullable enum passed) and 3.0
 * needs Java 21, so the routing below (path template, parameters, security presence, body by media
 * type) is done here and every schema check by the library, against the whole document so that
 * {@code $ref}s resolve natively.
 *
 * <p>Gaps, on purpose for a test helper: parameter {@code style}/{@code explode}, response headers,
 * non-JSON bodies (only their media type is checked) and external {@code $ref}s are not validated.
 */
public final class OpenApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "urn:openapi:contract";
  private final JsonNode doc;
  private final SchemaRegistry registry;
  private volatile Schema root;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final Map<Pattern, String> templates = new LinkedHashMap<>();
  private record Node(JsonNode n, String ptr) {}
  private record Op(String template, Matcher m, Node pathItem, Node op) {}

  private OpenApiContract(JsonNode doc) throws IOException {
    this.doc = doc;
    Dialect dialect = doc.path("openapi").asText().startsWith("3.0") ? OpenApi30.getInstance() : OpenApi31.getInstance();
    String text = JSON.writeValueAsString(doc);
    registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemas(Map.of(BASE, text))
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).preloadSchema(false).build()));
    List<String> names = new ArrayList<>();
    doc.path("paths").fieldNames().forEachRemaining(names::add);
    names.sort(Comparator.comparingLong((String s) -> s.chars().filter(c -> c == '{').count())); // literal segments win
    String server = serverPath(doc);
    for (String t : names)
      templates.put(Pattern.compile(Pattern.quote(server) + Arrays.stream(t.split("((?=\\{)|(?<=\\}))"))
          .map(s -> s.startsWith("{") ? "(?<p" + s.replaceAll("[^A-Za-z0-9]", "") + ">[^/]+)" : Pattern.quote(s))
          .reduce("", String::concat) + "/?"), t);
  }

  /**
   * The path of the first {@code servers} URL ({@code /api/v1} of {@code {url}/api/v1} or of
   * {@code https://host/api/v1}): the document's path templates are relative to it. {@code ""} for none.
   */
  private static String serverPath(JsonNode doc) {
    String url = doc.path("servers").path(0).path("url").asText("");
    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("^\\{[^}]*}", "");
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  public static OpenApiContract load(Path spec) throws IOException {
    ObjectMapper m = spec.toString().endsWith(".json") ? JSON : new YAMLMapper();
    return new OpenApiContract(m.readTree(spec.toFile()));
  }

  /** Whether some path template and method of the document match (unknown routes have nothing to check). */
  public boolean knows(String method, String rawPathWithQuery) {
    List<String> ignored = new ArrayList<>();
    return find(method, rawPathWithQuery.split("\\?", 2)[0], ignored) != null;
  }

  public List<String> requestErrors(String method, String rawPathWithQuery, Map<String, String> headers, String body) {
    List<String> errs = new ArrayList<>();
    String[] pq = rawPathWithQuery.split("\\?", 2);
    Op o = find(method, pq[0], errs);
    if (o == null) return errs;
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); if (headers != null) h.putAll(headers);
    Map<String, String> query = new HashMap<>();
    if (pq.length > 1) for (String kv : pq[1].split("&")) { String[] p = kv.split("=", 2); query.putIfAbsent(dec(p[0]), p.length > 1 ? dec(p[1]) : ""); }
    Map<String, Node> params = new LinkedHashMap<>();  // operation-level overrides path-level
    for (Node level : List.of(o.pathItem, o.op)) {
      JsonNode ps = level.n.path("parameters");
      for (int i = 0; i < ps.size(); i++) { Node p = deref(new Node(ps.get(i), level.ptr + "/parameters/" + i)); params.put(p.n.path("in").asText() + ":" + p.n.path("name").asText().toLowerCase(), p); }
    }
    for (Node p : params.values()) {
      String name = p.n.path("name").asText(), in = p.n.path("in").asText();
      String v = switch (in) {
        case "path" -> dec(o.m.group("p" + name.replaceAll("[^A-Za-z0-9]", "")));
        case "query" -> query.get(name);
        case "header" -> h.get(name);
        case "cookie" -> cookie(h.get("Cookie"), name);
        default -> null; };
      if (v == null) { if (p.n.path("required").asBoolean(in.equals("path"))) errs.add(in + " parameter '" + name + "' is required"); continue; }
      if (p.n.has("schema")) errs.addAll(paramErrors(p.ptr + "/schema", in + " parameter '" + name + "'", v));
    }
    JsonNode security = o.op.n.has("security") ? o.op.n.get("security") : doc.path("security");
    if (security.size() > 0 && !anySatisfied(security, h, query)) errs.add("security requirement not satisfied: " + security);
    if (o.op.n.has("requestBody")) {
      Node rb = deref(new Node(o.op.n.get("requestBody"), o.op.ptr + "/requestBody"));
      if (body == null || body.isBlank()) { if (rb.n.path("required").asBoolean()) errs.add("request body is required"); }
      else errs.addAll(contentErrors(rb, h.get("Content-Type"), body, "request"));
    } else if (body != null && !body.isBlank()) errs.add("request body not allowed by spec");
    return errs;
  }

  public List<String> responseErrors(String method, String path, int status, String contentType, String body) {
    List<String> errs = new ArrayList<>();
    Op o = find(method, path.split("\\?", 2)[0], errs);
    if (o == null) return errs;
    JsonNode rs = o.op.n.path("responses");
    String key = rs.has(String.valueOf(status)) ? String.valueOf(status) : rs.has(status / 100 + "XX") ? status / 100 + "XX" : rs.has("default") ? "default" : null;
    if (key == null) { errs.add("response status " + status + " not documented for " + method + " " + o.template); return errs; }
    Node r = deref(new Node(rs.get(key), o.op.ptr + "/responses/" + esc(key)));
    if (r.n.has("content") && r.n.get("content").size() > 0) errs.addAll(contentErrors(r, contentType, body, "response " + status));
    return errs;
  }

  private Op find(String method, String path, List<String> errs) {
    for (Map.Entry<Pattern, String> e : templates.entrySet()) {
      Matcher m = e.getKey().matcher(path);
      if (!m.matches()) continue;
      Node item = deref(new Node(doc.path("paths").get(e.getValue()), "/paths/" + esc(e.getValue())));
      String verb = method.toLowerCase(Locale.ROOT);
      if (!item.n.has(verb)) { errs.add(method + " not allowed on " + e.getValue()); return null; }
      return new Op(e.getValue(), m, item, new Node(item.n.get(verb), item.ptr + "/" + verb));
    }
    errs.add("no path template matches " + path);
    return null;
  }

  private List<String> contentErrors(Node holder, String contentType, String body, String what) {
    String mt = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    Iterator<String> it = holder.n.get("content").fieldNames();
    String match = null;
    while (it.hasNext() && match == null) {
      String k = it.next(), kk = k.toLowerCase(Locale.ROOT);
      if (kk.equals(mt) || kk.equals("*/*") || (kk.endsWith("/*") && mt.startsWith(kk.substring(0, kk.length() - 1)))) match = k;
    }
    if (match == null) return List.of(what + ": content-type '" + contentType + "' not in " + holder.n.get("content").properties().stream().map(Map.Entry::getKey).toList());
    String sp = holder.ptr + "/content/" + esc(match) + "/schema";
    if (!holder.n.get("content").get(match).has("schema") || !(mt.endsWith("/json") || mt.endsWith("+json"))) return List.of();
    try { return validate(sp, JSON.readTree(body == null ? "" : body), what + " body"); }
    catch (IOException e) { return List.of(what + " body is not valid JSON: " + e.getMessage().split("\n")[0]); }
  }

  private List<String> paramErrors(String schemaPtr, String what, String raw) {
    List<String> asText = validate(schemaPtr, TextNode.valueOf(raw), what);
    if (asText.isEmpty()) return asText;
    try { // header/query/path values arrive as strings: retry as number/boolean
      JsonNode typed = JSON.readTree(raw);
      if (typed != null && (typed.isNumber() || typed.isBoolean()) && validate(schemaPtr, typed, what).isEmpty()) return List.of();
    } catch (IOException ignored) { }
    return asText;
  }

  private List<String> validate(String schemaPtr, JsonNode instance, String what) {
    Schema s = schemas.computeIfAbsent(schemaPtr, p -> {
      if (root == null) root = registry.getSchema(SchemaLocation.of(BASE));
      com.networknt.schema.path.NodePath np = new com.networknt.schema.path.NodePath(com.networknt.schema.path.PathType.JSON_POINTER);
      JsonNode cur = doc;
      for (String t : p.substring(1).split("/")) {
        String k = t.replace("~1", "/").replace("~0", "~");
        np = cur.isArray() ? np.append(Integer.parseInt(k)) : np.append(k);
        cur = cur.isArray() ? cur.get(Integer.parseInt(k)) : cur.get(k);
      }
      return root.getSubSchema(np);
    });
    return s.validate(instance).stream().map(e -> what + ": " + (e.getInstanceLocation().toString().isEmpty() ? "/" : e.getInstanceLocation()) + " " + e.getMessage()).toList();
  }

  private boolean anySatisfied(JsonNode reqs, Map<String, String> h, Map<String, String> query) {
    for (JsonNode req : reqs) {
      boolean ok = true;
      for (Iterator<String> it = req.fieldNames(); it.hasNext(); ) {
        JsonNode sch = deref(new Node(doc.path("components").path("securitySchemes").path(it.next()), "")).n;
        String name = sch.path("name").asText();
        ok &= switch (sch.path("type").asText()) {
          case "apiKey" -> switch (sch.path("in").asText()) { case "query" -> query.containsKey(name); case "cookie" -> cookie(h.get("Cookie"), name) != null; default -> h.containsKey(name); };
          default -> h.containsKey("Authorization"); // http, oauth2, openIdConnect
        };
      }
      if (ok) return true;
    }
    return false;
  }

  private Node deref(Node x) {
    for (int i = 0; i < 20 && x.n.has("$ref") && x.n.get("$ref").asText().startsWith("#"); i++) {
      String p = x.n.get("$ref").asText().substring(1);
      x = new Node(doc.at(p), p);
    }
    return x;
  }

  @Override
  public String toString() {
    return "OpenApiContract[" + doc.path("info").path("title").asText() + "]";
  }

  private static String cookie(String header, String name) {
    if (header == null) return null;
    for (String c : header.split(";")) { String[] kv = c.trim().split("=", 2); if (kv[0].equals(name)) return kv.length > 1 ? kv[1] : ""; }
    return null;
  }
  private static String esc(String token) { return token.replace("~", "~0").replace("/", "~1"); }
  private static String dec(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }
}
