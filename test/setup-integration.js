/* global jest */
// Integration tests run the real engine against PostgreSQL and moto: allow them ten minutes each.
// (testTimeout in a Jest project entry is not applied; jest.setTimeout in a setup file is.)
jest.setTimeout(600000);
