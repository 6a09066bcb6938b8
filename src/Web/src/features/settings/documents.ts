import { graphql } from "../../gql";

// The notification settings (issue #22, ADRs 0123, 0182): push per kind, quiet hours, this device's Web Push.
export const NotificationSettingsFields = graphql(`
  fragment NotificationSettingsFields on NotificationSettings {
    version
    preferences { kind push }
    quietHours { start end timeZone }
  }
`);

export const MyNotificationSettingsQuery = graphql(`
  query MyNotificationSettings {
    myNotificationSettings {
      ...NotificationSettingsFields
    }
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      ...NotificationSettingsFields
    }
  }
`);

export const SetQuietHoursMutation = graphql(`
  mutation SetQuietHours($input: SetQuietHoursInput!) {
    setQuietHours(input: $input) {
      ...NotificationSettingsFields
    }
  }
`);

export const WebPushPublicKeyQuery = graphql(`
  query WebPushPublicKey {
    webPushPublicKey
  }
`);

export const SubscribeWebPushMutation = graphql(`
  mutation SubscribeWebPush($input: SubscribeWebPushInput!) {
    subscribeWebPush(input: $input) { endpoint }
  }
`);

export const UnsubscribeWebPushMutation = graphql(`
  mutation UnsubscribeWebPush($input: UnsubscribeWebPushInput!) {
    unsubscribeWebPush(input: $input) { endpoint removed }
  }
`);
