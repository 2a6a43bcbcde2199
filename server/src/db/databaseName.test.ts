import { databaseNameFor } from "./databaseName.js";

describe("databaseNameFor", () => {
  it("uses the configured name for embedded servers", () => {
    expect(databaseNameFor({ uri: "mongodb://127.0.0.1:5000/", kind: "ferretdb" }, "forum_jst")).toBe("forum_jst");
  });
  it("lets a database named in MONGODB_URI win", () => {
    expect(
      databaseNameFor({ uri: "mongodb://db.example:27017/gmina?replicaSet=rs0", kind: "external" }, "forum_jst"),
    ).toBeUndefined();
  });
  it("uses the configured name when MONGODB_URI names no database", () => {
    expect(databaseNameFor({ uri: "mongodb://db.example:27017/?replicaSet=rs0", kind: "external" }, "forum_jst")).toBe(
      "forum_jst",
    );
    expect(databaseNameFor({ uri: "mongodb://db.example:27017", kind: "external" }, "forum_jst")).toBe("forum_jst");
  });
});
