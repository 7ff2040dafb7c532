export * from './blob-store';
export * from './policy';
export * from './local-disk-blob-store';
export * from './s3-blob-store';
export * from './create-blob-store';
export * from './upload-quota';
