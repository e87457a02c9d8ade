/** Where the boats' API is mounted. */
export const BOATS_BASE_PATH = '/api/boats';
