import { teamCityDateToIso } from './teamcity-date';

test.each([
  ['20200120T032125+0000', '2020-01-20T03:21:25.000Z'],
  ['20130814T100159-0400', '2013-08-14T14:01:59.000Z'],
  ['20181024T104538+0300', '2018-10-24T07:45:38.000Z'],
  ['20200120T032125+05:30', '2020-01-19T21:51:25.000Z'],
  ['2024-03-01T10:00:00Z', '2024-03-01T10:00:00.000Z'],
])('%s -> %s', (input, iso) => {
  expect(teamCityDateToIso(input)).toBe(iso);
});

test.each(['', 'yesterday', '1', '20201320T000000+0000', '20200120T032125'])('unreadable %p is dropped', (input) => {
  expect(teamCityDateToIso(input)).toBeUndefined();
});
