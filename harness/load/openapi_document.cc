#include "load/openapi_document.h"

#include <filesystem>

#include "load/json_file.h"

namespace conform {
namespace {

namespace fs = std::filesystem;

constexpr char kCollection[] = "/wix-data/v1/external-database-connections";
// The schemas that describe the API (case and config describe conform's own files).
const char* const kApiSchemas[] = {"connection",      "stored-connection", "error",          "create.request",
                                   "update.request",  "create.response",   "get.response",   "list.response",
                                   "update.response", "delete.response"};

std::string ComponentRef(const std::string& name) { return "#/components/schemas/" + name; }

// A draft-07 file as an OpenAPI component: $schema and $id go (the document is one resource),
// and every $ref is rewritten to point into components: "connection.schema.json#/definitions/X"
// and, inside connection, "#/definitions/X" both become "#/components/schemas/connection/definitions/X".
nlohmann::json AsComponent(nlohmann::json schema, const std::string& self) {
  if (schema.is_object()) {
    schema.erase("$schema");
    schema.erase("$id");
    for (auto& [key, value] : schema.items()) {
      if (key == "$ref" && value.is_string()) {
        const std::string ref = value.get<std::string>();
        const size_t hash = ref.find('#');
        const std::string file = ref.substr(0, hash);
        const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
        const std::string target = file.empty() ? self : file.substr(0, file.size() - std::string(".schema.json").size());
        value = ComponentRef(target) + pointer;
      } else {
        value = AsComponent(value, self);
      }
    }
  } else if (schema.is_array()) {
    for (auto& item : schema) item = AsComponent(item, self);
  }
  return schema;
}

nlohmann::json Json(const std::string& component) {
  return {{"content", {{"application/json", {{"schema", {{"$ref", ComponentRef(component)}}}}}}}};
}

nlohmann::json ErrorAnswer(const std::string& description) {
  nlohmann::json answer = Json("error");
  answer["description"] = description;
  return answer;
}

// What each error status means on this API (docs/contract.md §4).
nlohmann::json Answers(const std::string& success, const std::vector<int>& errors) {
  static const std::map<int, std::string> kMeaning = {
      {400, "Invalid request: a validationError names the field at fault"},
      {401, "Not authenticated (UNAUTHENTICATED)"},
      {403, "Authenticated, but not permitted (PERMISSION_DENIED)"},
      {404, "No connection has this name (NOT_FOUND)"},
      {409, "A connection with this name exists already (ALREADY_EXISTS)"},
      {429, "Too many requests: retry after Retry-After"}};
  nlohmann::json answers;
  answers["200"] = Json(success);
  answers["200"]["description"] = "Success";
  for (int status : errors) answers[std::to_string(status)] = ErrorAnswer(kMeaning.at(status));
  answers["default"] = ErrorAnswer("Any other error, in Wix's standard error format (5xx: empty message and details)");
  return answers;
}

nlohmann::json Operation(const std::string& id, const std::string& summary, const std::string& success,
                         const std::vector<int>& errors) {
  return {{"operationId", id}, {"summary", summary}, {"responses", Answers(success, errors)}};
}

nlohmann::json Paths() {
  const nlohmann::json name = {{"name", "name"},
                               {"in", "path"},
                               {"required", true},
                               {"description", "The connection's name, percent-encoded (it may hold '/')"},
                               {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 255}}}};
  auto paging = [](const std::string& which) {
    return nlohmann::json{{"name", "paging." + which}, {"in", "query"}, {"required", false},
                          {"schema", {{"type", "integer"}, {"minimum", 0}}}};
  };
  nlohmann::json create = Operation("createExternalDatabaseConnection", "Create a connection", "create.response",
                                    {400, 401, 403, 409, 429});
  create["requestBody"] = Json("create.request");
  create["requestBody"]["required"] = true;
  nlohmann::json list = Operation("listExternalDatabaseConnections", "List the site's connections, a page at a time",
                                  "list.response", {400, 401, 403, 429});
  list["parameters"] = {paging("limit"), paging("offset")};
  nlohmann::json update = Operation("updateExternalDatabaseConnection",
                                    "Replace a connection: afterwards it holds only what this body holds",
                                    "update.response", {400, 401, 403, 404, 429});
  update["requestBody"] = Json("update.request");
  update["requestBody"]["required"] = true;
  nlohmann::json paths;
  paths[kCollection] = {{"post", create}, {"get", list}};
  paths[std::string(kCollection) + "/{name}"] = {
      {"parameters", {name}},
      {"get", Operation("getExternalDatabaseConnection", "Get a connection", "get.response", {401, 403, 404, 429})},
      {"put", update},
      {"delete", Operation("deleteExternalDatabaseConnection", "Delete a connection", "delete.response",
                           {401, 403, 404, 429})}};
  return paths;
}

}  // namespace

bool OpenApiDocument(const std::string& schemas_dir, nlohmann::json* out, std::string* err) {
  nlohmann::json components = nlohmann::json::object();
  for (const char* name : kApiSchemas) {
    nlohmann::json schema;
    if (!ReadJsonFile((fs::path(schemas_dir) / (std::string(name) + ".schema.json")).string(), &schema, err)) return false;
    components[name] = AsComponent(schema, name);
  }
  *out = {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Wix Data External Database Connections (as conform checks it)"},
            {"version", CONFORM_VERSION},
            {"description", "Generated by `conform openapi` from conform's schemas; the facts and their sources are "
                            "in conform's docs/contract.md."}}},
          {"servers", {{{"url", "https://www.wixapis.com"}}}},
          {"security", {{{"wixAuthorization", nlohmann::json::array()}}}},
          {"paths", Paths()},
          {"components",
           {{"schemas", components},
            {"securitySchemes",
             {{"wixAuthorization",
               {{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"},
                {"description", "An access token or API key, sent as is (no Bearer)"}}}}}}}};
  return true;
}

}  // namespace conform
