export { BUILD_RESOLVER_FUNCTIONS, RESOLVER_FUNCTIONS } from '../../src/shared/resolver-functions';
