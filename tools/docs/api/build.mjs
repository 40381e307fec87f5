export async function buildApi() { return { pages: 0, warnings: 0, errors: 0 }; }
