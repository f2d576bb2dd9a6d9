import { parseErrorBody } from './teamcity-error-body';
import { fixtureText } from './testing/teamcity-reference';

test('both TeamCity text wordings yield the exception message without the class name', () => {
  expect(parseErrorBody(fixtureText('error-404-buildtype.txt'), 'text/plain')).toEqual({
    kind: 'teamcity',
    detail: "No build type nor template is found by id 'janet'.",
  });
  expect(parseErrorBody(fixtureText('error-400-build-locator.txt'), 'text/plain')).toEqual({
    kind: 'teamcity',
    detail: "Invalid value of dimension 'id': 'doesnotexist'. Should be a number.",
  });
});

test('JSON, XML and HTML bodies', () => {
  expect(parseErrorBody('{"errors":[{"message":"m1"},{"message":"m2"}]}', 'application/json')).toEqual({ kind: 'json', detail: 'm1' });
  expect(parseErrorBody('{"message":"only"}', null)).toEqual({ kind: 'json', detail: 'only' });
  expect(parseErrorBody('<errors><error><message>a &amp; b</message></error></errors>', 'application/xml')).toEqual({
    kind: 'xml',
    detail: 'a & b',
  });
  expect(parseErrorBody('<html><head><title>502 Bad Gateway</title></head></html>', null)).toEqual({
    kind: 'html',
    detail: '502 Bad Gateway',
  });
  expect(parseErrorBody('  ', 'text/plain')).toEqual({ kind: 'empty' });
  expect(parseErrorBody('Authentication required\nmore', 'text/plain')).toEqual({ kind: 'other', detail: 'Authentication required' });
});
