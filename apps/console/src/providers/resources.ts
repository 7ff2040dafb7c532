/** Where each console resource lives behind the gateway; later services add their entries here. */
export const RESOURCE_URLS: Record<string, string> = {
  applications: '/api/registration/applications',
  institutions: '/api/public/institutions',
  timeline: '/api/directory/timeline',
  users: '/api/admin/users',
  audit: '/api/admin/audit',
};
