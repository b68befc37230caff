export { createStorage, checkStorage, closeStorage, HEALTH_PROBE_KEY, type StorageConfig, type CreateStorageOptions } from './create-storage';
export { SqliteStorage } from './sqlite-storage';
export { StorageUnavailableError, StorageConflictError, StorageValueError, type StoreName } from './errors';
