// Run by the one-shot `mongo-init` service of infra/docker-compose.yml (mongosh, connected directly to
// mongo:27017). Idempotent: initiates the single-node replica set rs0 the first time, does nothing the
// next times, and in both cases returns only once the node is PRIMARY, so that services started after
// it (depends_on: service_completed_successfully) find a writable replica set.
//
// The member is registered as "mongo:27017": the name the services use in their connection strings
// (mongodb://mongo:27017/<db>?replicaSet=rs0). A client on the host cannot resolve "mongo", so from the
// host connect with mongodb://127.0.0.1:27017/?directConnection=true instead.

const REPLICA_SET = {_id: "rs0", members: [{_id: 0, host: "mongo:27017"}]};
const NOT_YET_INITIALIZED = 94;   // replSetGetStatus before rs.initiate
const ALREADY_INITIALIZED = 23;   // rs.initiate after another initiate (e.g. a concurrent run)
const PRIMARY_TIMEOUT_MS = 60000;

function replicaSetStatus() {
  try {
    return db.adminCommand({replSetGetStatus: 1});
  } catch (e) {
    return {ok: 0, code: e.code, codeName: e.codeName, errmsg: e.message};
  }
}

try {
  const status = replicaSetStatus();
  if (status.ok === 1) {
    print(`rs0: already initiated (${status.members.length} member(s))`);
  } else if (status.code === NOT_YET_INITIALIZED) {
    print("rs0: initiating with member mongo:27017");
    try {
      rs.initiate(REPLICA_SET);
    } catch (e) {
      if (e.code !== ALREADY_INITIALIZED) {
        throw e;
      }
      print("rs0: initiated concurrently by someone else");
    }
  } else {
    throw new Error(`unexpected replSetGetStatus answer: ${JSON.stringify(status)}`);
  }

  // A one-node election takes a few seconds after initiate (and after every mongod restart).
  const deadline = Date.now() + PRIMARY_TIMEOUT_MS;
  while (!db.hello().isWritablePrimary) {
    if (Date.now() > deadline) {
      throw new Error(`rs0: not PRIMARY after ${PRIMARY_TIMEOUT_MS / 1000} s`);
    }
    sleep(1000);
  }
  print("rs0: PRIMARY, ready");
} catch (e) {
  print(`rs0 init failed: ${e.message}`);
  quit(1);
}
