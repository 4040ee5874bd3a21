import { Hono } from 'hono';
import { AreaPlacePatchSchema, NewAreaPlaceSchema } from '../../../shared/api/area-places.api';
import { NewProviderSchema, NewVocationSchema, ProviderPatchSchema, VocationPatchSchema } from '../../../shared/api/catalog.api';
import { assertAllowed, providerScope } from '../../access/scope';
import type { AppEnv } from '../../auth/context';
import { currentUser } from '../../auth/require-user';
import { createAreaPlace, listAreaPlaces, updateAreaPlace } from '../../catalog/area-places.service';
import { createProvider, listProviders, updateProvider } from '../../catalog/providers.service';
import { createVocation, listVocations, updateVocation } from '../../catalog/vocations.service';
import { parseBody } from '../../http/parse-body';
import { pathId } from '../../http/path-id';
import type { RouteDeps } from '../admin.routes';

/**
 * Providers, vocations and the area's kecamatan/kelurahan: everyone signed in reads
 * (provider staff their own provider), admins write.
 */
export function catalogRoutes({ db, clock }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/providers', async (c) => {
      const user = currentUser(c);
      assertAllowed(user, 'read-data');
      return c.json({ providers: await listProviders(db, providerScope(user)) });
    })
    .post('/providers', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-providers');
      const input = await parseBody(c, NewProviderSchema);
      return c.json({ provider: await createProvider(db, input, admin.id, clock()) }, 201);
    })
    .patch('/providers/:id', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-providers');
      const id = pathId(c, 'provider');
      const patch = await parseBody(c, ProviderPatchSchema);
      return c.json({ provider: await updateProvider(db, id, patch, admin.id, clock()) });
    })
    .get('/vocations', async (c) => {
      assertAllowed(currentUser(c), 'read-data');
      return c.json({ vocations: await listVocations(db) });
    })
    .post('/vocations', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-vocations');
      const input = await parseBody(c, NewVocationSchema);
      return c.json({ vocation: await createVocation(db, input, admin.id, clock()) }, 201);
    })
    .patch('/vocations/:id', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-vocations');
      const id = pathId(c, 'vocation');
      const patch = await parseBody(c, VocationPatchSchema);
      return c.json({ vocation: await updateVocation(db, id, patch, admin.id, clock()) });
    })
    .get('/area-places', async (c) => {
      assertAllowed(currentUser(c), 'read-data');
      return c.json({ places: await listAreaPlaces(db) });
    })
    .post('/area-places', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-area');
      const input = await parseBody(c, NewAreaPlaceSchema);
      return c.json({ place: await createAreaPlace(db, input, admin.id, clock()) }, 201);
    })
    .patch('/area-places/:id', async (c) => {
      const admin = currentUser(c);
      assertAllowed(admin, 'manage-area');
      const id = pathId(c, 'place');
      const patch = await parseBody(c, AreaPlacePatchSchema);
      return c.json({ place: await updateAreaPlace(db, id, patch, admin.id, clock()) });
    });
}
