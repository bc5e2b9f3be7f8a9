// Test helper process: opens the embedded database in DATA_DIR as the app does, says "open",
// and keeps it open until its standard input closes (the test's stand-in for a running app).
import { openDatabase } from "../client";

const db = await openDatabase({ dataDir: process.env.DATA_DIR ?? "" });
process.stdout.write("open\n");
process.stdin.resume();
process.stdin.on("end", () => void db.close().then(() => process.exit(0)));
