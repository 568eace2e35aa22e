export function catalogOrigins(catalog: { models?: { baseUrl: string }[] } | null | undefined): string[];
export function catalogOriginsOf(path: string): string[];
export function contentSecurityPolicy(options?: {
  connect?: string[];
  meta?: boolean;
  dev?: boolean;
}): string;
export function withPolicyMeta(html: string, policy: string): string;
