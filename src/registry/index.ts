// Image sizes from the registry: the public surface of src/registry/.
export { measureImages, parseSizeLimit, formatBytes, formatByteDelta, describeFailure } from './sizes.js';
export type { ImageToMeasure, ImageSizeResult, PlatformSize, MeasureOptions } from './sizes.js';
export { RegistryClient, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_MANIFEST_BYTES } from './client.js';
export type { RegistryClientOptions, ResolvedImage, PlatformImage, FetchedManifest } from './client.js';
export { parseReference, formatReference, withTag, isLoopbackHost, InvalidReferenceError } from './reference.js';
export type { ImageReference } from './reference.js';
export { RegistryError } from './http.js';
export type { RegistryErrorKind } from './http.js';
export type { RegistryCredential, CredentialOptions } from './auth.js';
