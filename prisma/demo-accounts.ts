/** The fixed demo logins and keys the seed writes (README), readable without touching the database. */
export type Env = Record<string, string | undefined>;

export interface DemoAccount {
  merchantId: string;
  business: string;
  email: string;
  password: string;
  apiKey: string;
}

export function demoAccounts(env: Env = process.env): { demo: DemoAccount; second: DemoAccount } {
  return {
    demo: {
      merchantId: "00000000-0000-4000-8000-00000000d001",
      business: "Boutique Akwa (demo)",
      email: env.DEMO_EMAIL ?? "demo@paylinks.test",
      password: env.DEMO_PASSWORD ?? "demo-password",
      apiKey: env.DEMO_API_KEY ?? "pk_test_demo.sk_test_demo_c4f7e2a9b1d84e6f0a3b",
    },
    second: {
      merchantId: "00000000-0000-4000-8000-00000000d002",
      business: "Boulangerie Mboa (second demo)",
      email: env.SECOND_EMAIL ?? "second@paylinks.test",
      password: env.SECOND_PASSWORD ?? "second-password",
      apiKey: env.SECOND_API_KEY ?? "pk_test_second.sk_test_second_9e1b7d3a5c2f48e0d6",
    },
  };
}
