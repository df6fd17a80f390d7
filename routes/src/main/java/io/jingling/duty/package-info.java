/**
 * The duty board: who has checked in today, when and where, from DingTalk's check-in and
 * attendance events and, after downtime, from its query APIs; reminders to on-duty
 * officers who have not checked in, and a word to squad leaders about check-ins outside
 * the geofence.
 */
package io.jingling.duty;
