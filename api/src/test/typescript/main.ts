// Uses the client generated from openapi/offloadctl.yaml the way an operator's automation would:
// create a policy, list nodes, read compliance. Prints one JSON line for the Java test to check.
// Usage: node dist/main.js BASE_URL TOKEN
import { ComplianceApi, Configuration, NodesApi, PoliciesApi, PolicyMode, ResponseError } from "./client";

async function main(): Promise<void> {
    const [basePath, token] = process.argv.slice(2);
    const config = new Configuration({ basePath, accessToken: token });
    const policies = new PoliciesApi(config);
    const nodes = new NodesApi(config);
    const compliance = new ComplianceApi(config);

    const created = await policies.createPolicy({
        policy: { name: "from-typescript", priority: 3, mode: PolicyMode.Audit, features: { gro: false } },
    });
    const page = await nodes.listNodes({ size: 10 });
    const fleet = await compliance.getCompliance({});
    let refused = 0;
    try {
        await policies.createPolicy({ policy: { name: "from-typescript", priority: 3, mode: PolicyMode.Audit, features: { gro: false } } });
    } catch (e) {
        if (e instanceof ResponseError) {
            refused = e.response.status;
        }
    }
    console.log(JSON.stringify({
        created: created.policy?.name,
        features: created.policy?.features,
        nodes: page.items?.map((node) => node.name),
        total: page.total,
        nodeStatus: fleet.nodes,
        duplicate: refused,
    }));
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
