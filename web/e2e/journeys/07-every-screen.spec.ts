import { expectNoSideScroll } from '../support/checks';
import { expect, test, USERS } from '../support/people';

/**
 * Every person's every screen, as their navigation offers it: axe finds no serious or critical violation, the page
 * never scrolls sideways at 390 px, and each is saved as a screenshot.
 */
const PEOPLE: [string, string][] = [
  ['admin', USERS.admin], ['manager', USERS.manager], ['creator', USERS.creator1], ['support', USERS.support],
  ['reviewer', USERS.reviewer], ['platform-admin', USERS.platformAdmin], ['security', USERS.security],
];

for (const [who, username] of PEOPLE) {
  test(`every screen of ${who} is accessible and fits 390 px`, async ({ signIn }) => {
    const person = await signIn(username);
    const { page } = person;
    const nav = page.getByRole('navigation', { name: 'Main' });
    const places = await nav.getByRole('link').allInnerTexts();
    expect(places.length).toBeGreaterThan(1);
    for (const place of places) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await person.open(place);
      const slug = place.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      await person.screen(`every-${who}-${slug}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoSideScroll(page, `${who}: ${place} at 390 px`);
    }
  });
}
